"""Checks across an article's numbers: do they add up, do they agree with each other?

Each check names what it compared and whether it holds, so a reviewer can
verify the check itself.
"""

from dataclasses import dataclass, field

VOTE_SUM_TOLERANCE = 1.0  # rounding to one decimal over a few candidates


@dataclass(frozen=True)
class Check:
    kind: str
    ok: bool
    detail: str
    claims: tuple[int, ...] = ()
    values: dict = field(default_factory=dict)


def consistency_checks(claims):
    """Checks over extracted claims (objects with ``type``, ``paragraph`` and ``numbers``).

    - ``vote_shares_sum``: the vote shares of one race (the same paragraph or
      adjacent ones) should add up to about 100%.
    - ``percentage_over_100``: a share of something cannot exceed 100%.
    - ``same_number_differs``: one subject's figure stated twice in two ways
      (57.4% and 57%): holds when they agree after rounding; a vote share
      stated with two disagreeing values fails.
    """
    checks = []
    checks.extend(_vote_share_sums(claims))
    checks.extend(_percentages_over_100(claims))
    checks.extend(_conflicting_figures(claims))
    return checks


def _vote_share_sums(claims):
    races = []
    for index, claim in enumerate(claims):
        if claim.type != "vote_share":
            continue
        if races and claim.paragraph - races[-1][-1][1].paragraph <= 1:
            races[-1].append((index, claim))
        else:
            races.append([(index, claim)])
    checks = []
    for race in races:
        shares = {}
        members = []
        for index, claim in race:
            for number in claim.numbers:
                if number.unit == "percent" and number.subject and number.subject not in shares:
                    shares[number.subject] = number.value
                    members.append(index)
        if len(shares) < 2:
            continue
        total = round(sum(shares.values()), 2)
        ok = abs(total - 100.0) <= VOTE_SUM_TOLERANCE
        listed = " + ".join(f"{value:g}% ({subject})" for subject, value in shares.items())
        verdict = (
            "adds up to about 100%"
            if ok
            else ("exceeds 100%" if total > 100 else "leaves part of the vote unaccounted for")
        )
        checks.append(
            Check(
                "vote_shares_sum",
                ok,
                f"{listed} = {total:g}%: {verdict}",
                tuple(dict.fromkeys(members)),
                {"subjects": list(shares), "values": list(shares.values()), "total": total},
            )
        )
    return checks


def _percentages_over_100(claims):
    checks = []
    for index, claim in enumerate(claims):
        for number in claim.numbers:
            if number.unit == "percent" and number.value > 100 and not _is_change(claim.text):
                checks.append(
                    Check(
                        "percentage_over_100",
                        False,
                        f"{number.value:g}% of {number.subject or 'something'} is more than the whole",
                        (index,),
                        {"value": number.value},
                    )
                )
    return checks


def _is_change(text):
    lowered = text.lower()
    return any(
        word in lowered
        for word in ("increase", "rise", "rose", "growth", "grew", "jump", "higher than", "more than doubled", "up ")
    )


def _conflicting_figures(claims):
    seen = {}
    checks = []
    for index, claim in enumerate(claims):
        for number in claim.numbers:
            if not number.subject:
                continue
            key = (number.subject.lower(), number.unit)
            if key not in seen:
                seen[key] = (index, number)
                continue
            first_index, first = seen[key]
            if first_index == index or first.value == number.value:
                continue
            agrees = _agree(first, number)
            if not agrees and not (claims[first_index].type == claim.type == "vote_share"):
                continue  # different figures for one subject are usually different things (years, measures)
            checks.append(
                Check(
                    "same_number_differs",
                    agrees,
                    f"{number.subject}: {first.value:g} {first.unit} and {number.value:g} {number.unit} "
                    + ("agree after rounding or qualification" if agrees else "disagree"),
                    (first_index, index),
                    {"values": [first.value, number.value]},
                )
            )
    return checks


def _agree(first, second):
    if first.qualifier or second.qualifier:
        return abs(first.value - second.value) <= max(abs(first.value), abs(second.value)) * 0.1
    # 57.4 and 57 agree: the rounder figure is the other rounded.
    for a, b in ((first.value, second.value), (second.value, first.value)):
        decimals = len(f"{a:g}".split(".")[1]) if "." in f"{a:g}" else 0
        if round(b, decimals) == a:
            return True
    return False
