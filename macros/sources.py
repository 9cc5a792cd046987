"""The source policy: which web hosts the guide may cite, for which facts.

Facts come from the schools' own pages and from official bodies. Some hosts are never a source:
open web proxies, staging and test servers, copies on document-sharing or scraping sites. Course
aggregators and platform listings may be cited only as ``third-party`` and never for a price, a
deadline or an admissions rule. :func:`policy_problem` says what is wrong with one source, in words
a contributor can act on; :mod:`macros.rules` and :mod:`macros.crosscheck` apply it to every file.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Hosts that only relay other sites' pages.
PROXIES = frozenset({"arietiform.com", "fanyv88.com", "melakarnets.com", "ptop.only.wip.la", "translate.goog",
                     "proxysite.com", "croxyproxy.com", "hidemyass.com"})

#: Hosts that hold copies of documents uploaded or scraped by anyone.
DOCUMENT_HOSTS = frozenset({"scribd.com", "docsbay.net", "docslib.org", "studylib.net", "readkong.com", "issuu.com",
                            "vdocument.in", "vdocuments.mx", "vdocuments.net", "pdfcoffee.com", "dokumen.pub",
                            "atelim.com", "documents.pub", "yumpu.com", "slideshare.net", "coursehero.com",
                            "studocu.com", "fliphtml5.com", "dokumen.tips", "pdfslide.net"})

#: Course search sites, rankings sellers and platform listings: third-party by nature.
AGGREGATORS = frozenset({"masterstudies.com", "prospects.ac.uk", "gotouniversity.com", "bestcolleges.com",
                         "findamasters.com", "mastersportal.com", "studyportals.com", "phdstudies.co.uk",
                         "shiksha.com", "leverageedu.com", "yocket.com", "collegedunia.com", "gradpilot.com",
                         "mastersinmachinelearning.org", "studysmarter.de", "edx.org", "coursera.org",
                         "usnewsuniversitydirectory.com", "topuniversities.com", "educations.com"})

#: Where an archived copy of an official page may be kept (``archived_url``).
ARCHIVES = frozenset({"web.archive.org", "archive.org", "archive.ph", "archive.today", "webcitation.org"})

# Staging, development and test servers: by a label of the host name, or by a name seen in practice.
_STAGING_LABEL = re.compile(r"^(dev|stg|staging|stage|test|uat|preprod|qa|sandbox)\d*$|(-|^)(dev|test|uat|staging)(-|$)")
_STAGING_HOSTS = frozenset({"oudeve.com", "elevencs.com", "twoyou.co"})
_SCRAPE_SUFFIXES = (".pages.dev",)

#: Program facts an aggregator may never support: prices, deadlines and admissions.
PRICE_AND_ADMISSIONS = frozenset({"tuition", "fees", "deadlines", "gre", "english_tests", "prerequisites",
                                  "application_fee", "funding"})


def host_of(url: str) -> str:
    """The host of an address, lowercase, without ``www.`` or a port."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _in(host: str, hosts: frozenset[str]) -> bool:
    """True when ``host`` is one of ``hosts`` or a subdomain of one."""
    return any(host == h or host.endswith("." + h) for h in hosts)


def host_kind(url: str) -> str | None:
    """What kind of host an address is on when it is not an acceptable source, else None."""
    host = host_of(url)
    if _in(host, PROXIES):
        return "proxy"
    if _in(host, DOCUMENT_HOSTS):
        return "document-host"
    if host.endswith(_SCRAPE_SUFFIXES):
        return "scrape"
    if _in(host, _STAGING_HOSTS) or any(_STAGING_LABEL.search(label) for label in host.split(".")[:-2]):
        return "staging"
    if _in(host, AGGREGATORS):
        return "aggregator"
    return None


_NEVER = {
    "proxy": "is an open web proxy, not the page itself",
    "document-host": "is a copy on a document-sharing site",
    "scrape": "is a scraped copy of someone else's page",
    "staging": "is a staging or test server, not the published site",
}


def policy_problem(url: str, kind: str | None, supports: list[str] | tuple[str, ...] = ()) -> str | None:
    """What is wrong with citing ``url`` (for the facts in ``supports``), or None when it is acceptable."""
    found = host_kind(url)
    if found in _NEVER:
        return (f"{host_of(url)} {_NEVER[found]}; cite the official page's own address in url (and put the "
                "address of the copy you read in archived_url if the official page could not be read)")
    if found == "aggregator":
        if kind == "official":
            return f"{host_of(url)} is a course listing site, not the school; set kind: third-party"
        barred = sorted(PRICE_AND_ADMISSIONS.intersection(supports))
        if barred:
            return (f"{host_of(url)} is a course listing site and cannot support {', '.join(barred)}; "
                    "cite the school's own page for prices, deadlines and admissions")
    return None


def archive_problem(url: str) -> str | None:
    """What is wrong with an ``archived_url``: it must be on a known web archive."""
    if _in(host_of(url), ARCHIVES):
        return None
    return (f"{host_of(url)} is not a web archive; archived_url holds a copy on a web archive such as "
            "web.archive.org (copies on other sites cannot be cited)")
