"""Peak memory (RSS) of ingesting one 5 MB article and of bulk-ingesting folders of growing size.

    python bench/bench_memory.py

Each measurement runs in a fresh process against a throwaway SQLite
database, so peaks do not mix. Bulk ingestion streams files one by one; its
peak should stay flat as the folder grows.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, resource, sys
sys.path.insert(0, sys.argv[1])
from _django import setup
setup(sys.argv[2])
from pathlib import Path
from articles.ingest import ingest_article
from articles.folders import ingest_files
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
target = Path(sys.argv[3])
if target.is_dir():
    summary = ingest_files([target], progress=False)
    detail = {"files": summary["files"], "failed": len(summary["failed"])}
else:
    article = ingest_article(target.read_bytes())
    detail = {"bytes": target.stat().st_size, "paragraphs": article.paragraph_count, "claims": article.claims.count()}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"baseline_mb": before / 1024, "peak_mb": peak / 1024, **detail}))
"""


def measure(target, workdir):
    database = f"sqlite:///{workdir}/memory-{target.name}.sqlite3"
    output = subprocess.run(
        [sys.executable, "-c", CHILD, str(HERE), database, str(target)], capture_output=True, text=True, check=True
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def main():
    sys.path.insert(0, str(HERE))
    from synthetic import synthetic_article

    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        big = workdir / "big.html"
        paragraphs = []
        size = 0
        number = 0
        while size < 4.9 * 1024 * 1024:
            page = synthetic_article(number)
            body = page[page.index("<article>") + 9 : page.index("</article>")]
            paragraphs.append(body)
            size += len(body.encode())
            number += 1
        big.write_text("<html><body><article>" + "".join(paragraphs) + "</article></body></html>", encoding="utf-8")
        result = measure(big, workdir)
        print(
            f"one {result['bytes'] / 1024 / 1024:.1f} MB article ({result['paragraphs']:,} paragraphs, {result['claims']:,} claims): "
            f"peak RSS {result['peak_mb']:.0f} MB (interpreter and Django at start: {result['baseline_mb']:.0f} MB)"
        )
        for count in (100, 400, 1600):
            folder = workdir / f"folder-{count}"
            folder.mkdir()
            for index in range(count):
                (folder / f"{index:05}.html").write_text(synthetic_article(10_000 + index), encoding="utf-8")
            result = measure(folder, workdir)
            print(
                f"bulk ingest of {count:5} files: peak RSS {result['peak_mb']:.0f} MB (start {result['baseline_mb']:.0f} MB), {result['failed']} failed"
            )


if __name__ == "__main__":
    main()
