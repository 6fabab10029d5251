"""Words that tell one incident apart from another ("another attack", "a separate bombing", "two other
incidents", "the previous raid"), in one place for the stages that decide whether two tellings are one
incident (`incidents`, `notes`, `recalled`) and whose deaths a toll counts (`attributes`). Each set is what
its users have always read; the larger ones are built from the smaller so that a word added to the core
reaches all of them."""
from __future__ import annotations

import re

# always another incident than the one told: "a separate attack", "another bombing"
APART = frozenset({"another", "separate"})
# "three others were killed in two other incidents"
OTHER = APART | {"other"}
# one more incident of the kind just told: "a similar attack", "a second blast", "fresh strikes"
SAME_KIND = APART | {"similar", "second", "third", "fresh"}
# an incident other than the one told, before or after it: "the first attack", "the previous bombing"
NOT_THE_ONE_TOLD = SAME_KIND | OTHER | {"first", "new", "previous", "last", "earlier", "latest", "recent", "past",
                                        "former", "further", "renewed", "next", "future"}
# the same in running text: "another bomb wounded two soldiers", "others were hurt", "more strikes"
NAMED_ANOTHER = re.compile(r"\b(?:%s)\b" % "|".join(sorted(SAME_KIND | OTHER | {"fourth", "others", "further",
                                                                                "more"})), re.IGNORECASE)
