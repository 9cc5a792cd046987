"""The offline copy's config (mkdocs-offline.yml) is the site's config plus offline search, nothing else.

MkDocs replaces an inherited file's lists, so mkdocs-offline.yml restates the plugin list. These
checks keep that copy the same as mkdocs.yml, so a plugin added or reconfigured for the hosted
site reaches the offline copy too.
"""

from __future__ import annotations

from mkdocs.utils.yaml import yaml_load

from .support import ROOT

OFFLINE_ONLY = {"search", "offline"}


def plugins(config: dict) -> dict[str, object]:
    """A config's plugins as name -> options, whichever form (list or mapping) the file uses."""
    listed = config.get("plugins", [])
    if isinstance(listed, dict):
        return dict(listed)
    found = {}
    for entry in listed:
        if isinstance(entry, str):
            found[entry] = None
        else:
            found.update(entry)
    return found


def load(name: str) -> dict:
    with open(ROOT / name, "rb") as file:
        return yaml_load(file)


def test_offline_copy_keeps_every_plugin_of_the_site_with_the_same_options():
    site, offline = plugins(load("mkdocs.yml")), plugins(load("mkdocs-offline.yml"))
    for name, options in site.items():
        if name in OFFLINE_ONLY:
            continue
        assert name in offline, f"mkdocs-offline.yml lacks the plugin {name!r} of mkdocs.yml"
        assert offline[name] == options, f"mkdocs-offline.yml configures {name!r} differently from mkdocs.yml"
    assert set(offline) - set(site) <= OFFLINE_ONLY, "the offline copy adds only search and offline"


def test_offline_copy_uses_materials_search_and_offline_plugin():
    offline = plugins(load("mkdocs-offline.yml"))
    assert "search" in offline and "offline" in offline


def test_offline_copy_inherits_the_rest_of_the_site_config():
    site, offline = load("mkdocs.yml"), load("mkdocs-offline.yml")
    assert offline["site_dir"] == "site-offline"
    for key in ("nav", "markdown_extensions", "extra_css", "extra_javascript"):
        assert offline.get(key) == site.get(key), key
    assert offline["hooks"] == site.get("hooks", []) + ["tools/offline_links.py"]
    assert offline["theme"] == site["theme"]


def test_neither_copy_uses_instant_navigation_and_both_have_the_same_features():
    """Instant navigation fetches sitemap.xml (every program's address) on each first visit, and on file://
    it would keep the page's scripts from ever starting; the offline copy has the site's features as they are."""
    site, offline = load("mkdocs.yml")["theme"]["features"], load("mkdocs-offline.yml")["theme"]["features"]
    assert not [f for f in site if f.startswith("navigation.instant")]
    assert offline == site


def test_offline_copy_carries_its_own_worker_shim():
    """The offline plugin would otherwise load it from unpkg.com, a request to another host."""
    shims = load("mkdocs-offline.yml")["extra"]["polyfills"]
    assert all("://" not in shim and (ROOT / "docs" / shim).is_file() for shim in shims)
    assert any("iframe-worker" in shim for shim in shims)
