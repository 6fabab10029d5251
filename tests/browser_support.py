"""A small W3C WebDriver client over the standard library, for driving the system's Chromium through
its chromedriver (/usr/bin/chromedriver) in browser tests: open pages, read the rendered DOM,
type into forms, click, take screenshots. No browser download, no third-party client."""
from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

CHROMEDRIVER = next((p for p in ("/usr/bin/chromedriver", shutil.which("chromedriver")) if p and Path(p).exists()),
                    None)
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"   # the W3C key of an element reference


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriverError(RuntimeError):
    pass


class Browser:
    """One headless Chromium session driven through chromedriver."""

    def __init__(self, chromium: str, profile: Path, *, width: int = 1280, height: int = 900) -> None:
        if CHROMEDRIVER is None:
            raise WebDriverError("chromedriver is not installed")
        port = _free_port()
        self.log = profile / "chromedriver.log"
        self._driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}", f"--log-path={self.log}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if self._call("GET", "/status")["ready"]:
                    break
            except (OSError, WebDriverError):
                pass
            if time.monotonic() > deadline:
                self._driver.kill()
                raise WebDriverError("chromedriver did not start")
            time.sleep(0.2)
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--window-size={width},{height}", f"--user-data-dir={profile / 'chromium'}"]
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "pageLoadStrategy": "normal",
                                                 "goog:chromeOptions": {"binary": chromium, "args": args}}}}
        self.session = self._call("POST", "/session", caps)["sessionId"]

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as reply:
                return json.loads(reply.read())["value"]
        except urllib.error.HTTPError as exc:
            detail = json.loads(exc.read() or b"{}").get("value", {})
            raise WebDriverError(f"{method} {path}: {detail.get('error')}: {detail.get('message', '')[:300]}") from None

    def _session(self, method: str, path: str, body: Any = None) -> Any:
        return self._call(method, f"/session/{self.session}{path}", body)

    # --- pages --------------------------------------------------------------------------------
    def get(self, url: str) -> None:
        self._session("POST", "/url", {"url": url})

    @property
    def url(self) -> str:
        return self._session("GET", "/url")

    @property
    def source(self) -> str:
        """The rendered DOM, serialised."""
        return self._session("GET", "/source")

    def screenshot(self, path: Path) -> Path:
        path.write_bytes(base64.b64decode(self._session("GET", "/screenshot")))
        return path

    # --- elements -----------------------------------------------------------------------------
    def find(self, css: str) -> str:
        return self._session("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def find_all(self, css: str) -> list[str]:
        return [e[ELEMENT] for e in self._session("POST", "/elements", {"using": "css selector", "value": css})]

    def text(self, element: str) -> str:
        return self._session("GET", f"/element/{element}/text")

    def attribute(self, element: str, name: str) -> str | None:
        return self._session("GET", f"/element/{element}/attribute/{name}")

    def selected(self, element: str) -> bool:
        return bool(self._session("GET", f"/element/{element}/selected"))

    def clear(self, element: str) -> None:
        self._session("POST", f"/element/{element}/clear", {})

    def type(self, element: str, text: str) -> None:
        self._session("POST", f"/element/{element}/value", {"text": text})

    def click(self, element: str) -> None:
        self._session("POST", f"/element/{element}/click", {})

    def quit(self) -> None:
        try:
            self._session("DELETE", "")
        except (OSError, WebDriverError):
            pass
        self._driver.terminate()
        try:
            self._driver.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._driver.kill()
