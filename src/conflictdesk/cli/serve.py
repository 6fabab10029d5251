"""`conflictdesk serve`: the web pages and JSON API over the store (standard library only)."""
from __future__ import annotations

import ipaddress

import click

from ..config import Settings
from ..errors import Code, ConfigError
from .common import clean_errors, open_store


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the store to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8750, show_default=True, help="Port (0: any free port).")
@click.option("--token", envvar="CONFLICTDESK_TOKEN", metavar="SECRET", default=None, show_envvar=True,
              help="Allow review (accepting, correcting, rejecting events and statement points) to whoever signs "
                   "in with this token, recorded as the reviewer --reviewer names; without a token the pages and API "
                   "are read-only.")
@click.option("--reviewer", default="reviewer", show_default=True, metavar="NAME",
              help="The reviewer --token is bound to (the name the audit trail records for its writes).")
@click.option("--tokens", "tokens_file", envvar="CONFLICTDESK_TOKENS", show_envvar=True, default=None,
              type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
              help="Reviewers' own tokens, one `NAME = TOKEN` or `NAME = sha256:HEX` a line: a reviewer signs in "
                   "with their token alone and the audit trail records the name it is bound to.")
@click.option("--server", "server_kind", type=click.Choice(["waitress", "stdlib"]), default="waitress",
              show_default=True, help="waitress: the production WSGI server; stdlib: the standard library's server "
                                      "with a bounded pool and timeouts (its own errors in the API's JSON shape).")
@click.option("--threads", type=click.IntRange(1, 256), default=16, show_default=True,
              help="Requests handled at once (worker threads).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Keep answers that are the same for everyone until the stored data changes.")
@click.pass_obj
@clean_errors
def serve(settings: Settings, host: str, port: int, token: str | None, reviewer: str, tokens_file: str | None,
          server_kind: str, threads: int, cache: bool) -> None:
    """Serve the web pages (dashboard, documents, events map and timeline, actors, network, review) and the
    JSON API."""
    from ..web import WebApp, make_server
    from ..web.auth import read_token_file
    from ..web.production import make_production_server

    if token is not None and len(token) < 12:
        raise ConfigError("the review token must be at least 12 characters long")
    reviewers = read_token_file(tokens_file) if tokens_file else {}
    writable = bool(token or reviewers)
    if not _is_loopback(host):
        click.echo(f"warning: listening on {host}: anyone who can reach it can read the store"
                   + ("" if not writable else "; use HTTPS in front of it, the token travels in the sign-in form"),
                   err=True)
    with open_store(settings) as store:
        app = WebApp(store, kb_dirs=settings.kb_dirs, token=token, reviewers=reviewers, reviewer=reviewer, cache=cache)
        try:
            if server_kind == "waitress":
                server = make_production_server(app, host, port, threads=threads)
                bound, run, close = server.effective_port, server.run, server.close
            else:
                server = make_server(app, host, port, workers=threads)
                bound, run, close = server.server_port, server.serve_forever, server.server_close
        except OSError as exc:
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror}", code=Code.LISTEN) from exc
        review = (f"review enabled for {len(app.auth.reviewers)} reviewer(s): sign in at /login" if writable
                  else "read-only: no --token or --tokens")
        click.echo(f"conflictdesk: serving http://{host}:{bound}/ with {server_kind}, {threads} threads "
                   f"({review}; Ctrl-C to stop)", err=True)
        try:
            run()
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
        finally:
            close()
