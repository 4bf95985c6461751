"""Printing a school or story page gives a one-page flyer whose QR code opens the page."""

from __future__ import annotations

import io
import re

import zxingcpp
from PIL import Image
from playwright.sync_api import Browser

from showcase import urls
from showcase.catalog import Catalog

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when SITE_URL is not set


def _flyer_urls(catalog: Catalog) -> list[str]:
    return [urls.school(next(iter(catalog.schools))), urls.story(next(iter(catalog.stories)))]


def test_a_printed_page_is_a_one_page_flyer(
    browser: Browser, site_url: str, catalog: Catalog
) -> None:
    for url in _flyer_urls(catalog):
        page = browser.new_page()
        page.goto(site_url + url)
        page.emulate_media(media="print")
        for hidden in [
            ".md-header",
            ".md-sidebar--primary",
            ".md-footer",
            ".cs-share",
            ".cs-breadcrumbs",
        ]:
            assert not page.locator(hidden).first.is_visible(), (url, hidden)
        for shown in ["h1", ".cs-lead", ".cs-flyer-qr img"]:
            assert page.locator(shown).first.is_visible(), (url, shown)
        pdf = page.pdf(format="Letter")
        assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, url
        page.emulate_media(media="screen")
        assert not page.locator(".cs-flyer-qr").is_visible()
        assert page.locator(".md-header").is_visible()
        page.close()


def test_the_qr_code_opens_the_page(browser: Browser, site_url: str, catalog: Catalog) -> None:
    for url in _flyer_urls(catalog):
        page = browser.new_page()
        page.goto(site_url + url)
        page.emulate_media(media="print")
        png = page.locator(".cs-flyer-qr img").screenshot()
        page.close()
        results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
        assert [result.text for result in results] == [SITE_URL + url]
