"""Numbers shown as people write them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.quantities import format_quantity


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "written"),
    [
        (17_000_000, "USD", "", "$17 million"),
        (57.4, "percent", "", "57.4%"),
        (1_250_000_000, "EUR", "", "€1.25 billion"),
        (3.0, "percentage points", "", "3 percentage points"),
        (1200, "people", "", "1,200 people"),
        (40_000_000, "MXN", "", "40 million MXN"),
        (2_000_000, "count", "nearly", "nearly 2 million"),
        (6, "duration:years", "", "6 years"),
        (0.5, "percent", "", "0.5%"),
    ],
)
def test_quantities_read_as_written(value, unit, qualifier, written):
    assert format_quantity(value, unit, qualifier) == written


@given(
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False), st.sampled_from(["USD", "percent", "count", "people"])
)
def test_no_scientific_notation_ever(value, unit):
    assert "e+" not in format_quantity(value, unit)
    assert "e-" not in format_quantity(value, unit)
