"""Quantities as people write them: ``$17 million``, ``57.4%``, ``3.2 percentage points``, ``1,200 people``.

The one formatting function for the numbers extraction stores
(``{value, unit, qualifier}``), used wherever a reviewer or reader sees them.
"""

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def format_quantity(value: float, unit: str, qualifier: str = "") -> str:
    """``format_quantity(17e6, "USD")`` → "$17 million"; ``(57.4, "percent")`` → "57.4%"; a qualifier leads."""
    if unit == "percent":
        text = f"{_plain(value)}%"
    elif unit == "percentage points":
        text = f"{_plain(value)} percentage point{'' if value == 1 else 's'}"
    elif unit in CURRENCY_SYMBOLS:
        text = f"{CURRENCY_SYMBOLS[unit]}{_scaled(value)}"
    elif len(unit) == 3 and unit.isupper():
        text = f"{_scaled(value)} {unit}"  # a currency without a symbol of its own: "40 million MXN"
    elif unit.startswith("duration:"):
        text = f"{_scaled(value)} {unit.removeprefix('duration:')}"
    elif unit in {"count", ""}:
        text = _scaled(value)
    else:
        text = f"{_scaled(value)} {unit}"
    return f"{qualifier} {text}" if qualifier else text


def _scaled(value):
    """Millions and up in words ("17 million", "1.25 billion"); smaller numbers with thousands separators."""
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{_plain(value / size)} {word}"
    return _plain(value)


def _plain(value):
    """At most two decimals, no trailing zeros, thousands separated: 1200 → "1,200", 57.40 → "57.4"."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text
