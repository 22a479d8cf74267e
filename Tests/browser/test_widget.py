"""Browser tests of the website widget (Widget/widget.js and the demo page, GET /).

Headless Chromium, driven by Selenium, against a real `senguide serve`. Run them with
`Tests/browser/run.sh`, which installs what is missing, starts the server and sets:

- SENGUIDE_URL: the server the page tests use (e.g. http://127.0.0.1:41234);
- SENGUIDE_BIN: the `senguide` binary, for the tests that need a server of their own (one to
  stop or pause mid-way, one on a corpus with a hostile passage).

Screenshots go to `screenshots/` (git-ignored): look at them after a change to the widget.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
WIDGET_JS_LIMIT = 20 * 1024
# axe-core rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

QUESTION = "What is SEN Support?"
FOLLOW_UP = "Who can I talk to about it?"
MYTH_QUESTION = "my 3 year old is too young to have special educational needs"
NONE_QUESTION = "How many weeks does the council have to issue a final EHCP once the assessment is finished?"
XSS_MARK = "zanzibarquux"
# "XSS" in capitals is an abbreviation, which names a subject the answerer will look at (a
# question naming no child, school or abbreviation is turned away before any passage is).
XSS_QUESTION = f"widget safety check {XSS_MARK} XSS"
XSS_SECTION = f"""

## Widget safety check {{#widget-safety-check}}

Widget safety check {XSS_MARK} xss: <img src=x onerror=window.sgPwned=1> and <script>window.sgPwned=2</script> end of the {XSS_MARK} widget safety check.
"""


# ---------------------------------------------------------------------------------- servers

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def senguide_bin():
    path = os.environ.get("SENGUIDE_BIN")
    for candidate in [path, ".build/release/senguide", ".build/debug/senguide"]:
        if candidate and (ROOT / candidate).is_file():
            return str(ROOT / candidate)
    pytest.fail("no senguide binary: build it (swift build) or set SENGUIDE_BIN")


class Server:
    """One `senguide serve --http 127.0.0.1:PORT` process, started from the repository root."""

    def __init__(self, extra=(), port=None):
        self.port = port or free_port()
        self.extra = list(extra)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="senguide-serve-", suffix=".log", delete=False)
        self.proc = None

    def start(self, timeout=60):
        cmd = [senguide_bin(), "serve", "--http", f"127.0.0.1:{self.port}", "--lines", "off", *self.extra]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{' '.join(cmd)} exited {self.proc.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{' '.join(cmd)} did not answer /healthz in {timeout}s:\n{self.output()}")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def pause(self):
        self.proc.send_signal(signal.SIGSTOP)

    def resume(self):
        self.proc.send_signal(signal.SIGCONT)

    def output(self):
        return Path(self.log.name).read_text(errors="replace")[-3000:]


@pytest.fixture(scope="module")
def base_url():
    url = os.environ.get("SENGUIDE_URL")
    if url:
        yield url.rstrip("/")
        return
    server = Server().start()
    yield server.url
    server.stop()


@pytest.fixture
def own_server():
    servers = []

    def make(extra=()):
        server = Server(extra).start()
        servers.append(server)
        return server
    yield make
    for server in servers:
        server.stop()


# ---------------------------------------------------------------------------------- browser

@pytest.fixture(scope="module")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    service = webdriver.ChromeService(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    d = webdriver.Chrome(service=service, options=options)
    d.set_script_timeout(60)
    SHOTS.mkdir(exist_ok=True)
    yield d
    d.quit()


def view(d, width=1280, scheme="light", motion="no-preference", height=900):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": scheme},
        {"name": "prefers-reduced-motion", "value": motion}]})


def open_page(d, url, **kw):
    view(d, **kw)
    d.get_log("performance")  # drop what earlier tests left
    d.get(url + "/")
    WebDriverWait(d, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".sgw input"))


def turns(d, scope="#senguide"):
    return d.find_elements(By.CSS_SELECTOR, f"{scope} .sgw-turn")


def ask(d, question, scope="#senguide", expect="answer", timeout=30):
    """Types `question` into the widget, presses Enter and waits for an answer or an error."""
    before = len(turns(d, scope))
    box = d.find_element(By.CSS_SELECTOR, f"{scope} .sgw input")
    box.clear()
    box.send_keys(question, Keys.ENTER)
    return wait_for(d, before, scope, expect, timeout)


def wait_for(d, before, scope, expect, timeout=30):
    def ready(d):
        if expect == "error":
            return d.find_elements(By.CSS_SELECTOR, f"{scope} .sgw-error")
        got = turns(d, scope)
        return got[-1] if len(got) > before else False
    return WebDriverWait(d, timeout).until(ready)


def active(d):
    return d.switch_to.active_element


def focus_ring_visible(d):
    return d.execute_script(
        "var s = getComputedStyle(document.activeElement);"
        "return s.boxShadow !== 'none' || (s.outlineStyle !== 'none' && s.outlineColor !== 'rgba(0, 0, 0, 0)'"
        " && parseFloat(s.outlineWidth) > 0);")


def press(d, *keys):
    ActionChains(d).send_keys(*keys).perform()


def no_horizontal_scroll(d):
    sw, cw = d.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert sw <= cw, f"the page scrolls sideways: {sw}px of content in a {cw}px viewport"


def screenshot(d, name, width):
    """Saves the whole page at `width` CSS pixels to screenshots/NAME.png."""
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": min(height, 8000), "deviceScaleFactor": 1, "mobile": False})
    time.sleep(0.2)
    d.save_screenshot(str(SHOTS / f"{name}.png"))
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})


def axe_source():
    import importlib.util
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("axe-playwright-python is not installed (pip install axe-playwright-python)")
    return (Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text()


def assert_accessible(d, state):
    """Runs axe-core 4.x over the page and fails on any WCAG 2.0/2.1/2.2 A or AA violation."""
    if not d.execute_script("return typeof window.axe === 'object'"):
        d.execute_script(axe_source())
    version = d.execute_script("return axe.version")
    assert int(version.split(".")[0]) >= 4, f"axe {version} is too old for WCAG 2.2"
    result = d.execute_async_script("""
        var done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(function (r) { done({violations: r.violations.map(function (v) {
              return {id: v.id, help: v.help, nodes: v.nodes.map(function (n) {
                return n.target.join(' ') + ': ' + n.failureSummary; })}; })}); },
                function (e) { done({error: String(e)}); });""", WCAG_TAGS)
    assert "error" not in result, f"axe failed to run: {result.get('error')}"
    problems = [f"{v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in result["violations"]]
    assert not problems, f"axe {version} found WCAG A/AA violations ({state}):\n" + "\n".join(problems)


def requests_made(d):
    """The page's requests since the last call: (method, url, post body or None)."""
    out = []
    for entry in d.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            req = message["params"]["request"]
            out.append((req["method"], req["url"], req.get("postData")))
    return out


# ---------------------------------------------------------------------------------- tests

def test_typed_question_and_enter_show_a_cited_answer(driver, base_url):
    d = driver
    open_page(d, base_url)
    assert_accessible(d, "empty widget, light")
    turn = ask(d, QUESTION)
    summary = turn.find_element(By.CSS_SELECTOR, ".sgw-summary").text
    assert summary.strip(), "the answer has no summary"
    quotes = turn.find_elements(By.CSS_SELECTOR, "figure blockquote")
    assert quotes, "the answer quotes no passage"
    for figure in turn.find_elements(By.CSS_SELECTOR, "figure"):
        assert figure.find_element(By.TAG_NAME, "blockquote").text.strip()
        assert figure.find_element(By.TAG_NAME, "figcaption").text.strip(), "a quote has no source"
    assert "not legal advice" in turn.text
    assert active(d).get_attribute("id") == turn.get_attribute("aria-labelledby"), \
        "focus should move to the new answer's heading"
    status = d.find_element(By.CSS_SELECTOR, "#senguide [role=status]")
    WebDriverWait(d, 5).until(lambda _: "Answer ready" in status.get_attribute("textContent"))
    assert d.find_element(By.CSS_SELECTOR, "#senguide .sgw-log").get_attribute("aria-busy") == "false"
    assert_accessible(d, "answer, light, 1280px")
    screenshot(d, "answer-1280-light", 1280)


def test_answer_reads_at_320px_and_in_dark_mode(driver, base_url):
    d = driver
    open_page(d, base_url, width=320)
    assert_accessible(d, "empty widget, 320px")
    ask(d, QUESTION)
    no_horizontal_scroll(d)
    assert_accessible(d, "answer, light, 320px")
    screenshot(d, "answer-320-light", 320)
    view(d, width=320, scheme="dark")
    bg = d.execute_script("return getComputedStyle(document.querySelector('.sgw')).backgroundColor")
    assert bg != "rgb(255, 255, 255)", "prefers-color-scheme: dark should darken the widget"
    assert_accessible(d, "answer, dark, 320px")
    screenshot(d, "answer-320-dark", 320)
    view(d, width=1280, scheme="dark")
    assert_accessible(d, "answer, dark, 1280px")
    screenshot(d, "answer-1280-dark", 1280)


def test_keyboard_alone_asks_follows_up_and_starts_again(driver, base_url):
    d = driver
    open_page(d, base_url)
    for _ in range(15):
        press(d, Keys.TAB)
        assert focus_ring_visible(d), f"no visible focus on {active(d).get_attribute('outerHTML')[:80]}"
        if active(d).get_attribute("name") == "question":
            break
    else:
        pytest.fail("Tab never reached the question box")
    press(d, QUESTION, Keys.TAB)
    assert active(d).text == "Ask" and focus_ring_visible(d)
    press(d, Keys.ENTER)
    first = wait_for(d, 0, "#senguide", "answer")
    assert active(d).get_attribute("id") == first.get_attribute("aria-labelledby")
    # Tab on through the answer (every stop shows its focus) to the follow-up box.
    for _ in range(40):
        press(d, Keys.TAB)
        assert focus_ring_visible(d), f"no visible focus on {active(d).get_attribute('outerHTML')[:80]}"
        if active(d).get_attribute("name") == "question":
            break
    else:
        pytest.fail("Tab never reached the follow-up box after the answer")
    label = d.find_element(By.CSS_SELECTOR, "#senguide label").text
    assert "follow-up" in label
    requests_made(d)
    press(d, FOLLOW_UP, Keys.ENTER)
    second = wait_for(d, 1, "#senguide", "answer")
    assert active(d).get_attribute("id") == second.get_attribute("aria-labelledby")
    posts = [json.loads(body) for method, url, body in requests_made(d) if method == "POST"]
    assert posts == [{"question": FOLLOW_UP, "history": [QUESTION]}], posts
    screenshot(d, "keyboard-follow-up-1280-light", 1280)
    # Start again: Tab to the button, Enter; the conversation is gone and focus is in the box.
    for _ in range(40):
        press(d, Keys.TAB)
        if active(d).text == "Start a new conversation":
            break
    else:
        pytest.fail("Tab never reached 'Start a new conversation'")
    press(d, Keys.ENTER)
    assert not turns(d) and active(d).get_attribute("name") == "question"


def test_myth_question_shows_the_verdict(driver, base_url):
    d = driver
    open_page(d, base_url, width=320)
    turn = ask(d, MYTH_QUESTION)
    badges = turn.find_elements(By.CSS_SELECTOR, ".sgw-verdict .sgw-badge")
    assert badges, f"no myth verdict for {MYTH_QUESTION!r}:\n{turn.text}"
    assert badges[0].text in ("Myth", "Not quite") and badges[0].is_displayed()
    assert turn.find_elements(By.CSS_SELECTOR, "figure blockquote"), "a myth answer must quote the guidance"
    no_horizontal_scroll(d)
    assert_accessible(d, "myth, light, 320px")
    screenshot(d, "myth-320-light", 320)
    view(d, width=1280, scheme="dark")
    assert_accessible(d, "myth, dark, 1280px")
    screenshot(d, "myth-1280-dark", 1280)


def test_question_the_guidance_does_not_cover_shows_the_signpost(driver, base_url):
    d = driver
    open_page(d, base_url, width=320)
    turn = ask(d, NONE_QUESTION)
    assert not turn.find_elements(By.TAG_NAME, "blockquote"), "a not-covered answer quotes nothing"
    assert "Where to get help" in turn.text
    signposts = turn.find_elements(By.CSS_SELECTOR, "ul.sgw-list li strong")
    assert signposts and signposts[0].text.strip(), f"no signpost:\n{turn.text}"
    no_horizontal_scroll(d)
    assert_accessible(d, "not covered, light, 320px")
    screenshot(d, "none-320-light", 320)


def test_server_stopped_mid_way_shows_an_error_and_retry_works(driver, own_server):
    d = driver
    server = own_server()
    open_page(d, server.url, width=320)
    ask(d, QUESTION)
    server.stop()
    error = ask(d, FOLLOW_UP, expect="error")[0]
    assert "could not reach" in error.text and "Try again" in error.text
    assert active(d).text.startswith("Sorry"), "focus should move to the error message"
    no_horizontal_scroll(d)
    assert_accessible(d, "network error, 320px")
    screenshot(d, "error-320-light", 320)
    # The server comes back on the same port: Try again, by keyboard, gets the answer.
    for attempt in range(20):
        try:
            server.start()
            break
        except RuntimeError:
            if attempt == 19:
                raise
            time.sleep(0.5)
    press(d, Keys.TAB)
    assert active(d).text == "Try again"
    press(d, Keys.ENTER)
    turn = wait_for(d, 1, "#senguide", "answer")
    assert not d.find_elements(By.CSS_SELECTOR, "#senguide .sgw-error")
    assert turn.find_elements(By.CSS_SELECTOR, ".sgw-summary")


def test_timeout_shows_busy_state_then_an_error(driver, own_server):
    d = driver
    server = own_server()
    open_page(d, server.url, width=320, motion="reduce")
    # A second widget on the page, with a 2-second timeout.
    d.execute_script("""
        var box = document.createElement('div'); box.id = 'short';
        document.querySelector('main .wrap').prepend(box);
        var s = document.createElement('script'); s.src = '/widget.js';
        s.dataset.target = '#short'; s.dataset.timeout = '2000'; s.dataset.title = 'Quick widget';
        document.body.append(s);""")
    WebDriverWait(d, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#short .sgw input"))
    server.pause()
    try:
        box = d.find_element(By.CSS_SELECTOR, "#short .sgw input")
        box.send_keys(QUESTION, Keys.ENTER)
        busy = d.find_element(By.CSS_SELECTOR, "#short .sgw-busy")
        assert busy.is_displayed() and "Looking" in busy.text
        assert d.find_element(By.CSS_SELECTOR, "#short .sgw-log").get_attribute("aria-busy") == "true"
        status = d.find_element(By.CSS_SELECTOR, "#short [role=status]")
        WebDriverWait(d, 2).until(lambda _: "Looking" in status.get_attribute("textContent"))
        animation = d.execute_script(
            "return getComputedStyle(document.querySelector('#short .sgw-spin')).animationName")
        assert animation == "none", "prefers-reduced-motion: the busy spinner should not spin"
        screenshot(d, "busy-320-light", 320)
        error = wait_for(d, 0, "#short", "error", timeout=10)[0]
        assert "taking too long" in error.text and "Try again" in error.text
        assert d.find_element(By.CSS_SELECTOR, "#short .sgw-log").get_attribute("aria-busy") == "false"
    finally:
        server.resume()
    error.find_element(By.TAG_NAME, "button").click()
    wait_for(d, 0, "#short", "answer")


def test_hostile_passage_is_shown_as_text_and_runs_nothing(driver, own_server, tmp_path):
    d = driver
    corpus, index = tmp_path / "Corpus", tmp_path / "Index"
    shutil.copytree(ROOT / "Corpus", corpus)
    docs = sorted(p for p in corpus.glob("*.md") if p.name != "myths.md")
    if docs:
        with docs[0].open("a") as f:
            f.write(XSS_SECTION)
    subprocess.run([senguide_bin(), "index", "--corpus", str(corpus), "--out", str(index)],
                   cwd=ROOT, check=True, capture_output=True, timeout=300)
    server = own_server(["--corpus", str(corpus), "--index", str(index)])
    open_page(d, server.url)
    turn = ask(d, XSS_QUESTION)
    time.sleep(0.5)  # give any injected handler the chance to run
    assert d.execute_script("return window.sgPwned") is None, "server text ran as script"
    assert not d.find_elements(By.CSS_SELECTOR, ".sgw img, .sgw script, .sgw b, .sgw i")
    quotes = " ".join(q.text for q in turn.find_elements(By.TAG_NAME, "blockquote"))
    assert "<img src=x onerror=" in quotes and "<script>" in quotes, \
        f"the hostile passage should be quoted as text:\n{turn.text}"
    for link in d.find_elements(By.CSS_SELECTOR, ".sgw a"):
        assert link.get_attribute("href").startswith(("http://", "https://", "mailto:", "tel:"))
    screenshot(d, "xss-1280-light", 1280)


def test_page_sends_nothing_but_questions_to_its_own_server(driver, base_url):
    d = driver
    open_page(d, base_url)
    ask(d, QUESTION)
    ask(d, FOLLOW_UP)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    seen = requests_made(d)
    elsewhere = [url for _, url, _ in seen if not url.startswith((origin + "/", "data:"))]
    assert not elsewhere, f"requests to other places: {elsewhere}"
    paths = sorted({(method, urlsplit(url).path) for method, url, _ in seen if not url.startswith("data:")})
    assert paths == [("GET", "/"), ("GET", "/widget.js"), ("POST", "/v1/ask")], paths
    bodies = [json.loads(body) for method, _, body in seen if method == "POST"]
    assert bodies == [{"question": QUESTION, "history": []},
                      {"question": FOLLOW_UP, "history": [QUESTION]}], bodies
    assert d.execute_script("return document.cookie") == ""
    assert d.execute_script("return localStorage.length + sessionStorage.length") == 0
    with urllib.request.urlopen(base_url + "/widget.js") as r:
        size = len(r.read())
        assert size <= WIDGET_JS_LIMIT, f"widget.js is {size} bytes; the limit is {WIDGET_JS_LIMIT}"
        assert "javascript" in r.headers.get("Content-Type", "")


def files_holding(text, since, roots, skip_names=(".git", "node_modules")):
    """Files under `roots` modified after `since` (a time.time()) whose bytes or name hold
    `text`; the browser's own profile and cache folders are not the server's and are skipped."""
    browser = (".org.chromium.", ".com.google.chrome", "scoped_dir", "chromium", "chrome")
    hits = []
    for root in roots:
        for folder, folders, files in os.walk(root):
            folders[:] = [f for f in folders if f not in skip_names and not f.startswith(".build")
                          and not f.lower().startswith(browser)]
            for name in files:
                path = os.path.join(folder, name)
                try:
                    if os.path.islink(path) or os.path.getmtime(path) < since or os.path.getsize(path) > 64 << 20:
                        continue
                    with open(path, "rb") as handle:
                        if text.encode() in handle.read() or text in name:
                            hits.append(path)
                except OSError:
                    continue
    return hits


def test_questions_asked_in_the_widget_are_in_no_log_line_and_no_file(driver, own_server):
    """Privacy: a question and its follow-up, each carrying a unique marker, leave no trace
    in the server's log or in any file written while they were asked (Tests/reliability/
    privacy.py checks the CLI, the HTTP API and the line protocol the same way)."""
    marker = "zq" + uuid.uuid4().hex[:20]
    since = time.time() - 1
    server = own_server()
    d = driver
    open_page(d, server.url)
    ask(d, f"can my child with {marker} have SEN support")
    ask(d, f"and what about {marker} at college?")
    sent = [body for method, _, body in requests_made(d) if method == "POST"]
    assert sum(marker in body for body in sent) == 2, "the widget did not send the questions"
    server.stop()
    log = Path(server.log.name).read_text(errors="replace")
    assert "POST /v1/ask 200" in log, log[-2000:]
    assert marker not in log, "the server's log holds the question"
    hits = files_holding(marker, since, [str(ROOT), os.path.expanduser("~"), tempfile.gettempdir(), "/var/tmp"])
    assert not hits, f"files written during the questions hold them: {hits}"


def test_widget_on_another_site_works_when_the_server_allows_its_origin(driver, own_server, tmp_path):
    import functools
    import http.server
    import threading
    d = driver
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    site_origin = f"http://127.0.0.1:{site.server_address[1]}"
    try:
        for allowed in [True, False]:
            server = own_server(["--allow-origin", site_origin] if allowed else [])
            (tmp_path / "index.html").write_text(f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>A Local Offer page</title></head>
<body><main><h1>Our Local Offer</h1>
<div id="senguide"></div>
<script src="{server.url}/widget.js" data-endpoint="{server.url}/" defer></script>
</main></body></html>""")
            open_page(d, site_origin)
            if allowed:
                turn = ask(d, QUESTION)
                assert turn.find_elements(By.CSS_SELECTOR, "figure blockquote")
                assert_accessible(d, "on another site")
            else:
                error = ask(d, QUESTION, expect="error")[0]
                assert "could not reach" in error.text
            server.stop()
    finally:
        site.shutdown()
        site.server_close()


def test_widget_script_parses_no_server_html_stores_nothing_and_fits_in_20kb():
    import re
    source = (ROOT / "Widget" / "widget.js").read_text()
    assert len(source.encode()) <= WIDGET_JS_LIMIT
    forbidden = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function"
                           r"|createContextualFragment|DOMParser|srcdoc|localStorage|sessionStorage"
                           r"|document\.cookie|indexedDB|sendBeacon|XMLHttpRequest|WebSocket|import\(")
    assert not forbidden.findall(source)
    addresses = re.findall(r"https?://[^\s'\"]+", source)
    assert all("HOST" in a for a in addresses), f"widget.js names an address: {addresses}"
