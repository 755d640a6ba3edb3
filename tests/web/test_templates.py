"""The pages' templates hold no inline script, style or event handler (the CSP forbids them)."""

from __future__ import annotations

import re
from pathlib import Path

import interlink.web

TEMPLATES = Path(interlink.web.__file__).parent / "templates"
FORBIDDEN = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "style element": re.compile(r"<style\b", re.IGNORECASE),
    "style attribute": re.compile(r"\sstyle=", re.IGNORECASE),
    "event handler": re.compile(r"\son[a-z]+=", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
    "another host": re.compile(r"(src|href|action)=\"(https?:)?//", re.IGNORECASE),
}


def test_templates_keep_to_the_content_security_policy():
    templates = sorted(TEMPLATES.rglob("*.html"))
    assert templates
    for path in templates:
        text = path.read_text()
        for what, pattern in FORBIDDEN.items():
            assert not pattern.search(text), f"{path.relative_to(TEMPLATES)}: {what}"


def test_every_input_has_a_label():
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text()
        wrapped = "".join(re.findall(r"<label\b.*?</label>", text, re.DOTALL))
        for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", text):
            if 'type="hidden"' in tag or tag in wrapped:  # a field inside its <label> is labelled
                continue
            found = re.search(r'id="([^"]+)"', tag)
            name = path.relative_to(TEMPLATES)
            assert found, f"{name}: a field without an id: {tag}"
            assert f'for="{found.group(1)}"' in text, f"{name}: no label for {tag}"
