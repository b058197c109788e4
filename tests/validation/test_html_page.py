"""The bundle's HTML page in headless Chromium: decisions filled in, saved as JSON, signed by
mediakit or in the page (WebCrypto Ed25519), then imported."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from mediakit.library.project import Operation
from mediakit.validation.decisions import import_decision, sign_file
from mediakit.validation.keys import generate
from tests.validation.conftest import CHIEF, run, shas_by_name

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


@pytest.fixture
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    if not (shutil.which("chromium") and Path(DRIVER).exists()):
        pytest.skip("chromium / chromium-driver absents (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def _open_page(driver, bundle: Path, folder: Path) -> None:
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(folder)
    [page] = folder.glob("*/index.html")
    driver.get(page.as_uri())


def _fill(driver, op: Operation) -> None:
    from selenium.webdriver.common.by import By

    names = shas_by_name(op)
    alpha = driver.find_element(By.CSS_SELECTOR, f'section[data-item="{names["alpha.jpg"]}"]')
    alpha.find_element(By.CSS_SELECTOR, 'input[value="approved"]').click()
    bravo = driver.find_element(By.CSS_SELECTOR, f'section[data-item="{names["bravo.jpg"]}"]')
    bravo.find_element(By.CSS_SELECTOR, 'input[value="corrections_requested"]').click()
    bravo.find_element(By.CSS_SELECTOR, "textarea.comment").send_keys("Recadrer « serré »")
    driver.find_element(By.ID, "reviewer").send_keys(CHIEF)


def _decision(driver) -> dict:
    from selenium.webdriver.common.by import By

    return json.loads(driver.find_element(By.ID, "decision-json").get_attribute("value"))


def test_page_decision_signed_by_mediakit(browser, reviewed_op, chief_keys, tmp_path):
    from selenium.webdriver.common.by import By

    bundle = tmp_path / "p.zip"
    assert run("pack", reviewed_op.root, "-o", bundle) == 0
    _open_page(browser, bundle, tmp_path / "x")
    assert "Relecture avant publication" in browser.page_source
    browser.find_element(By.ID, "build").click()
    assert "Indiquez votre nom" in browser.find_element(By.ID, "message").text
    _fill(browser, reviewed_op)
    browser.find_element(By.ID, "build").click()
    doc = _decision(browser)
    assert doc["signature"] is None
    link = browser.find_element(By.ID, "download")
    assert link.get_attribute("download").endswith("_non-signee.json")
    assert link.get_attribute("href").startswith("blob:")
    saved = tmp_path / "decision.json"
    saved.write_text(json.dumps(doc, ensure_ascii=False))
    with pytest.raises(Exception, match="non signée"):
        import_decision(Operation.open(reviewed_op.root), saved)
    sign_file(saved, chief_keys[0])
    outcome = import_decision(Operation.open(reviewed_op.root), saved)
    assert outcome == {"reviewer": CHIEF, "validated": ["alpha.jpg"],
                       "corrections": ["bravo.jpg"]}
    op = Operation.open(reviewed_op.root)
    bravo = op.items[shas_by_name(op)["bravo.jpg"]]
    assert bravo["review_comments"][0]["comment"] == "Recadrer « serré »"


def test_page_signs_with_webcrypto(browser, reviewed_op, chief_keys, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    bundle = tmp_path / "p.zip"
    assert run("pack", reviewed_op.root, "-o", bundle) == 0
    _open_page(browser, bundle, tmp_path / "x")
    supported = browser.execute_async_script(
        "const done = arguments[0]; crypto.subtle.generateKey({name: 'Ed25519'}, false, "
        "['sign']).then(() => done(true), () => done(false));")
    if not supported:
        pytest.skip("Ed25519 absent de WebCrypto dans ce Chromium (137+ requis)")
    _fill(browser, reviewed_op)
    other, _ = generate("Autre", tmp_path / "autre")
    key_input = browser.find_element(By.ID, "key-file")

    def sign_with(path: Path) -> str:
        key_input.clear()
        key_input.send_keys(str(path))
        browser.execute_script("document.getElementById('message').textContent = ''")
        browser.find_element(By.ID, "sign").click()
        WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "message").text)
        return browser.find_element(By.ID, "message").text

    message = sign_with(other)
    assert "n'est pas celle enregistrée" in message and _decision(browser)["signature"] is None
    message = sign_with(chief_keys[0])
    assert "Décision signée" in message, message
    doc = _decision(browser)
    assert doc["signature"]["algorithm"] == "Ed25519"
    saved = tmp_path / "signed.json"
    saved.write_text(json.dumps(doc, ensure_ascii=False))
    outcome = import_decision(Operation.open(reviewed_op.root), saved)
    assert outcome["validated"] == ["alpha.jpg"] and outcome["corrections"] == ["bravo.jpg"]
