"""Inputs that once aborted ingestion on PostgreSQL or were stored wrong (issue 12), shared by the CLI and API tests.

``REFUSED`` must be refused with the reason given, each as its own error;
``STORED`` must be stored, with the offending value dropped or cut to fit
its column rather than failing the insert.
"""

LONG_HOST = ".".join(["a" * 60] * 5) + ".com"

REFUSED = {
    "nul_after_8kb": (b"<p>" + b"Turnout rose sharply in the county. " * 300 + b"\x00</p>", "invalid_characters"),
    "utf16_with_nul": ("<p>Turnout rose in the county.\x00</p>".encode("utf-16"), "invalid_characters"),
    "nested_300_deep": (
        ("<div>" * 300 + "<p>Turnout was 38% in 2024, officials said.</p>" + "</div>" * 300).encode(),
        "too_deep",
    ),
}
STORED = {
    "long_host": f'<p>Turnout rose, <a href="https://{LONG_HOST}/r">a report</a> said on Monday.</p>'.encode(),
    "long_handle": (
        f'<p>Turnout rose, <a href="https://twitter.com/{"h" * 150}/status/1">a post</a> said on Monday.</p>'
    ).encode(),
    "long_url": f'<p>Turnout rose, <a href="https://example.org/{"p" * 2100}">a report</a> said.</p>'.encode(),
    "long_first_words": ("<p>" + " ".join(["w" * 60] * 12) + " and turnout rose 5% in 2024.</p>").encode(),
}
