"""Submit an admin form as a browser would: read the page's form, change some fields, post it back.

Tests that build the POST body by hand drift from the form the admin really
renders (a field made read-only, a hidden version, an inline's management
form); reading it from the page keeps them honest. ``form_fields`` returns
what the browser would send for the form unchanged, including the hidden
``version`` a verdict form carries, so a later save names the version the
page was loaded at.
"""

from bs4 import BeautifulSoup


def form_fields(html, form_id=None):
    """The name → value(s) a browser submits for the form with ``form_id`` (the first form when ``None``).

    Multi-valued fields (a multiple select, repeated names) come back as lists.
    Unchecked checkboxes and submit buttons are left out, as a browser leaves them.
    """
    soup = BeautifulSoup(html, "lxml")
    form = soup.find("form", id=form_id) if form_id else soup.find("form")
    assert form is not None, f"no form {form_id or ''} on the page"
    fields = {}

    def add(name, value):
        if name in fields:
            previous = fields[name]
            fields[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            fields[name] = value

    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "input":
            kind = (element.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                continue
            if kind in {"checkbox", "radio"} and not element.has_attr("checked"):
                continue
            add(name, element.get("value", "on" if kind in {"checkbox", "radio"} else ""))
        elif element.name == "textarea":
            # The admin starts each textarea with a newline the browser drops.
            add(name, element.text[1:] if element.text.startswith("\n") else element.text)
        else:
            selected = [option.get("value", option.text) for option in element.find_all("option", selected=True)]
            if element.has_attr("multiple"):
                fields[name] = selected
            elif selected:
                add(name, selected[0])
            else:
                first = element.find("option")
                add(name, first.get("value", first.text) if first else "")
    return fields


def is_editable(html, name, form_id=None):
    """Whether the form offers ``name`` as an input (a read-only field is shown as text, not an input)."""
    return name in form_fields(html, form_id)


def post_form(client, url, changes=None, form_id=None):
    """GET ``url``, fill its form with ``changes`` (``None`` removes a field, as an unchecked box) and POST it back."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    data = form_fields(page.content.decode(), form_id)
    for name, value in (changes or {}).items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return client.post(url, data)
