"""The page in a real headless Chromium (Debian's, driven by Playwright).

A real uvicorn server runs on a free loopback port in a thread. Screenshots go
to ``tests/artifacts/screenshots/`` (gitignored) for a person to look at.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SEED_DATES = {"000_": date(2014, 9, 18), "002_": date(2012, 4, 12)}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed"),
]


class Server:
    """uvicorn serving an app on a free loopback port, in a daemon thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.screenshot(path=str(SHOTS / f"{name}-viewport.png"))  # what the eye meets first


# --- the seed articles: Sony's two job cuts, from chart and table to the sentence ---


@pytest.fixture(scope="module")
def seed_db(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsledger.config import load_settings
    from newsledger.pipeline import ingest
    from newsledger.store import open_store

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    settings = load_settings(workers=1)
    with open_store(str(path)) as store:
        for seed in sorted(seeds_dir.glob("*.txt")):
            published = next(d for p, d in SEED_DATES.items() if seed.name.startswith(p))
            summary = ingest([str(seed)], store, settings, published=published, progress=False)
            assert summary.new == 1, summary
    return path


@pytest.fixture(scope="module")
def seed_server(seed_db: Path) -> Iterator[Server]:
    from newsledger.web import create_app

    with Server(create_app(str(seed_db))) as server:
        yield server


def open_sony(browser: Any, server: Server, viewport: dict[str, int]) -> Any:
    page = browser.new_page(viewport=viewport)
    page.goto(f"{server.url}/company/Sony")
    page.wait_for_selector("#timeline-chart[data-jobs-points]")
    return page


def assert_on_highlighted_sentence(page: Any, words: str) -> None:
    page.wait_for_url("**/article/*#ev-*")
    # the sentence's mark is the target, or holds it when two facts share the sentence
    target = page.locator("mark:target, mark:has(> .anchor:target)")
    assert target.count() == 1
    assert words in target.inner_text()
    assert target.is_visible()
    background = target.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background == "rgb(255, 210, 77)"  # the :target highlight, not the plain one


@pytest.mark.model
def test_sony_job_cuts_from_chart_to_sentence(browser: Any, seed_server: Server) -> None:
    page = open_sony(browser, seed_server, LAPTOP)
    assert page.get_attribute("#timeline-chart", "data-jobs-points") == "2"
    assert page.locator("tr.type-layoff").count() == 2
    cuts = page.locator("tr.type-layoff .summary").all_inner_texts()
    assert all(c.startswith("Cuts ") and " jobs" in c for c in cuts), cuts
    shot(page, "company-sony-laptop")
    # click the first bar on the chart itself, where Chart.js drew it
    bar = page.evaluate(
        """() => { const c = document.getElementById('timeline-chart');
                  const el = Chart.getChart(c).getDatasetMeta(0).data[0];
                  const r = c.getBoundingClientRect();
                  return {x: r.left + el.x, y: r.top + (el.y + el.base) / 2}; }"""
    )
    page.mouse.click(bar["x"], bar["y"])
    assert_on_highlighted_sentence(page, "jobs")
    shot(page, "article-from-chart-laptop")
    page.close()


@pytest.fixture(scope="module")
def example_server(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The bundled example articles: Sony in 2012 and 2014 (its forecast raised from ¥50bn)."""
    from newsledger.config import load_settings
    from newsledger.pipeline import ingest
    from newsledger.store import open_store
    from newsledger.web import create_app

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    sony = sorted((repo_root / "examples" / "articles").glob("sony-*"))
    with open_store(str(path)) as store:
        summary = ingest([str(p) for p in sony], store, load_settings(workers=1), progress=False)
        assert summary.new == len(sony) == 2, summary
    with Server(create_app(str(path))) as server:
        yield server


@pytest.mark.model
def test_sony_figures_read_as_sentences_with_a_revision_chain(
    browser: Any, example_server: Server
) -> None:
    page = open_sony(browser, example_server, LAPTOP)
    figures = page.locator("section.figures li.figure")
    said = page.locator("section.figures .figure-sentence").all_inner_texts()
    assert figures.count() == len(said) > 0
    forecast = page.locator("section.figures li.forecast", has_text="revised from ¥50bn")
    assert forecast.count() == 1
    assert forecast.locator(".figure-sentence").inner_text().startswith("Net loss forecast ¥230bn")
    chain = forecast.locator(".revision-chain").inner_text()
    assert chain.startswith("¥50bn (July 2014) → ¥230bn"), chain
    assert forecast.locator(".same-article").count() == 0  # July's ¥50bn is the chain's
    # each figure stands beside the sentence that states it, a link to the article
    source = forecast.locator("a.figure-source")
    assert "230 billion yen" in source.inner_text()
    shot(page, "company-sony-figures")
    # the earlier forecast in the chain leads to its own sentence
    forecast.locator(".revision-chain a").first.click()
    assert_on_highlighted_sentence(page, "50 billion yen")
    page.close()


@pytest.mark.model
def test_sony_job_cut_from_table_to_sentence_on_a_phone(browser: Any, seed_server: Server) -> None:
    page = open_sony(browser, seed_server, PHONE)
    assert page.locator("tr.type-layoff").count() == 2
    shot(page, "company-sony-phone")
    page.locator("tr.type-layoff a.evidence-link").nth(1).click()
    assert_on_highlighted_sentence(page, "jobs")
    shot(page, "article-from-table-phone")
    # and back: the fact's link returns to the same highlighted sentence
    anchor = page.evaluate("location.hash")
    fact = page.locator("mark:target, mark:has(> .anchor:target)").evaluate(
        "m => m.closest('a').getAttribute('href')"
    )
    assert fact.startswith("#fact-")
    page.locator(f"a.ev[href='{fact}']").first.click()
    page.wait_for_url(f"**{fact}")
    assert page.locator(f"li{fact}").is_visible()
    page.locator(f"li{fact} a.back[href='{anchor}']").click()
    page.wait_for_url(f"**{anchor}")
    assert page.locator("mark:target, mark:has(> .anchor:target)").is_visible()
    page.close()


# --- facts read as sentences, not field dumps ----------------------------------------


def test_company_events_read_as_sentences(browser: Any, hostile_server: Server) -> None:
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{hostile_server.url}/company/Acme%20Motors")
    said = page.locator("tr.event .summary").all_inner_texts()
    assert "Cuts 300 jobs in Texas, planned" in said
    assert "Net loss $450m" in said
    assert "Expands in Brazil" in said
    assert "amount usd" not in page.locator("table.events").inner_text()
    # the KPI, in dollars, once: figures are never summed into a total
    assert (
        page.locator("section.figures .figure-sentence").all_inner_texts().count("Net loss $450m")
        == 1
    )
    shot(page, "company-acme-sentences")
    page.close()


# --- the hostile article: shown as text, never run ----------------------------------


@pytest.fixture(scope="module")
def hostile_server(web_db: Path) -> Iterator[Server]:
    from newsledger.web import create_app

    with Server(create_app(str(web_db))) as server:
        yield server


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/article/vexco00000000001", id="article"),
        pytest.param("/company/Vexco%20Holdings", id="company"),
        pytest.param("/search?q=recover", id="search"),
    ],
)
def test_hostile_article_never_runs(browser: Any, hostile_server: Server, path: str) -> None:
    page = browser.new_page(viewport=LAPTOP)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_server.url + path)
    page.wait_for_load_state("load")
    # hover and click over everything the hostile text might have turned into
    for link in page.locator("main a:visible").all()[:20]:
        link.hover(timeout=2000)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
    assert (
        page.locator("main img, main iframe, main script:not([type='application/json'])").count()
        == 0
    )
    shot(page, "hostile" + path.replace("/", "-").replace("?", "-").replace("%20", "-"))
    page.close()


def test_hostile_text_is_visible_as_written(browser: Any, hostile_server: Server) -> None:
    page = browser.new_page(viewport=LAPTOP)
    page.goto(hostile_server.url + "/article/vexco00000000001")
    text = page.inner_text(".article-text")
    assert '<img src=x onerror="window.__xss=1">' in text
    assert '<a href="javascript:window.__xss=1">Read more</a>' in text
    assert "&lt;b&gt;narrowed&lt;/b&gt; &amp; costs" in text
    assert page.inner_text("h1").startswith("<script>window.__xss=1</script>")
    assert page.locator("a[href^='javascript:']").count() == 0
    page.close()


# --- the home page lists companies; other organisations are a click away -------------
# (on SQLite and on PostgreSQL: the one browser test that runs on both stores)


@pytest.fixture(scope="module")
def both_stores_server(web_target: str) -> Iterator[Server]:
    from newsledger.web import create_app

    with Server(create_app(web_target)) as server:
        yield server


def test_home_lists_companies_and_other_kinds_on_request(
    browser: Any, both_stores_server: Server
) -> None:
    page = browser.new_page(viewport=LAPTOP)
    page.goto(both_stores_server.url + "/")
    chips = page.locator("#organisations ~ ul.chips li a")
    assert chips.all_inner_texts() == ["Acme Motors", "Globex Bank", "Vexco Holdings"]
    page.get_by_role("link", name="Central banks").click()
    page.wait_for_url("**/?type=central_bank#organisations")
    assert chips.all_inner_texts() == ["Bank of England"]
    shot(page, "home-central-banks")
    chips.first.click()
    page.wait_for_url("**/company/Bank%20of%20England")
    assert page.inner_text("h1") == "Bank of England central bank"
    page.close()


# --- a parent and its brands: named on the page, rolled up on request -----------------


@pytest.fixture(scope="module")
def family_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    from ledger_builders import alphabet_google
    from newsledger.store import open_store
    from newsledger.web import create_app

    path = tmp_path_factory.mktemp("family") / "family.db"
    with open_store(str(path)) as store:
        store.save_extraction(alphabet_google())
    with Server(create_app(str(path))) as server:
        yield server


def test_a_parent_rolls_up_its_brands_on_request(browser: Any, family_server: Server) -> None:
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{family_server.url}/company/Alphabet")
    assert page.locator(".family.children a", has_text="Google").is_visible()
    assert page.locator("#jobs-total").inner_text() == "20"
    page.locator("a.roll-up").click()
    page.wait_for_url("**with_subsidiaries=true")
    assert page.locator("#jobs-total").inner_text() == "120"
    assert page.locator("td .tag.company", has_text="Google").is_visible()
    shot(page, "company-rolled-up")
    page.locator(".family.children a", has_text="Google").click()
    page.wait_for_url("**/company/Google")
    assert page.locator(".family.parents a", has_text="Alphabet").is_visible()
    page.close()
