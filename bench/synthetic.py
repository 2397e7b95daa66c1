"""Synthetic news articles for benchmarks: varied, deterministic, no copyrighted text.

Each article mixes the shapes the extractor meets in real reporting: a race
with vote shares and a results link, attributed quotes, an accusation,
statistics with qualifiers, procedural and opinion lines.
"""

import random

FIRST = ["Ana", "Tom", "Luis", "Maria", "James", "Priya", "Chen", "Fatima", "Olga", "Samuel", "Grace", "Diego"]
LAST = ["Rivera", "Becker", "Ortega", "Lopez", "Walsh", "Patel", "Wong", "Haddad", "Ivanova", "Okafor", "Kim", "Santos"]
PLACES = ["Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Clinton", "Franklin", "Salem"]
OUTLETS = ["nbcnews.com", "apnews.com", "reuters.com", "latimes.com", "city.example.gov"]
TOPICS = ["transit", "housing", "schools", "water", "policing", "parks", "taxes"]


def synthetic_article(seed):
    """HTML of one article; the same seed gives the same article."""
    rng = random.Random(seed)
    winner, loser, expert = (f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3))
    place, topic, outlet = rng.choice(PLACES), rng.choice(TOPICS), rng.choice(OUTLETS)
    share = round(rng.uniform(50.5, 70), 1)
    paragraphs = [
        f"{winner} won the {place} mayoral race on Tuesday with {share}% of the vote, according to "
        f'<a href="https://www.{outlet}/results/{seed}?utm_source=feed">unofficial results</a>.',
        f"Her opponent, {loser}, got {round(100 - share, 1)}% of the vote.",
        f"“We will fix {topic} in {place} within two years,” {winner.split()[-1]} said at a rally.",
        f"{loser.split()[-1]} accused {winner.split()[-1]} of misleading voters about the cost of the {topic} plan, "
        f'which the city puts at ${rng.randint(2, 90)}.{rng.randint(1, 9)} million in a <a href="https://{place.lower()}.example.gov/budget/{seed}">budget summary</a>.',
        f"Nearly {rng.randint(20, 80)}% of residents rely on {topic} services, said {expert}, a professor at {place} University.",
        f"“The numbers have not changed since {rng.randint(2001, 2020)},” {expert.split()[-1]} said. “I think the debate will go on.”",
        "The city clerk declined to comment on the recount request.",
        f"Turnout was {rng.randint(25, 60)}%, up from {rng.randint(15, 24)}% four years ago.",
    ]
    rng.shuffle(paragraphs[2:])
    body = "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs * rng.randint(1, 3))
    title = f"{winner} wins {place} race as {topic} dominates"
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='Synthetic Ledger'></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>© Synthetic Ledger {seed}</footer></body></html>"
    )
