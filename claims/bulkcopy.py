"""Inserting many rows at once: PostgreSQL's COPY, bulk_create elsewhere.

Ingestion writes some twenty claim rows and as many history rows per article.
Django's ``bulk_create`` spends most of its time building model instances
and preparing values field by field (about 150 µs a claim row here, more than
parsing the article); COPY takes the rows as text. Ids are drawn from the
table's sequence first, so callers get them back as with ``bulk_create``.
"""

import io
import json

from django.db import connection, models
from django.utils import timezone


def insert_rows(model, rows, *, ids=True):
    """Insert ``rows`` (dicts of attribute name → value) into ``model``'s table and return their new ids.

    With ``ids=False`` the table's sequence numbers the rows as they arrive
    and nothing is returned: one round trip fewer, for rows nobody refers to.

    Fields a row leaves out take their default; ``auto_now`` and
    ``auto_now_add`` fields take the current time. Values are written as
    Python gives them, so this is for plain fields (text, numbers, booleans,
    dates, JSON, foreign-key ids), which is what ingestion stores.
    """
    if not rows:
        return []
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    defaults = _defaults(fields)
    if connection.vendor != "postgresql":
        created = model.objects.bulk_create([model(**{**defaults, **row}) for row in rows])
        return [instance.pk for instance in created] if ids else None

    table = connection.ops.quote_name(model._meta.db_table)
    pk_column = model._meta.pk.column
    columns = [field.column for field in fields]
    new_ids = None
    with connection.cursor() as cursor:
        if ids:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [model._meta.db_table, pk_column, len(rows)],
            )
            new_ids = [row[0] for row in cursor.fetchall()]
            columns.insert(0, pk_column)
        buffer = io.StringIO(_copy_text(fields, defaults, new_ids, rows))
        columns = ", ".join(connection.ops.quote_name(column) for column in columns)
        cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN", buffer)
    return new_ids


def _copy_text(fields, defaults, ids, rows):
    """``rows`` in COPY's text format, each led by its id unless ``ids`` is None; a value a row leaves out is its
    field's default."""
    # Each default is written once, not once per row (the current time of auto_now fields, empty strings, ...).
    spec = [
        (field.attname, convert, convert(defaults[field.attname]))
        for field in fields
        for convert in [_copy_converter(field)]
    ]

    def values(row):
        return [convert(row[name]) if name in row else default for name, convert, default in spec]

    if ids is None:
        lines = ["\t".join(values(row)) for row in rows]
    else:
        lines = ["\t".join([str(pk), *values(row)]) for pk, row in zip(ids, rows, strict=True)]
    lines.append("")
    return "\n".join(lines)


def insert_created_history(model, ids, *, when):
    """The "created" history rows (django-simple-history) of ``model`` rows ``ids``, as the table holds them.

    For rows just written by ``insert_rows``, which sends no signals. On
    PostgreSQL the database copies the rows into the history table itself
    (one ``INSERT … SELECT``: nothing is formatted or sent twice); elsewhere
    the rows are read back and inserted.
    """
    if not ids:
        return
    history = model.history.model
    tracked = [field.attname for field in history.tracked_fields]
    stamps = {"history_date": when, "history_type": "+", "history_change_reason": "", "history_user_id": None}
    if connection.vendor != "postgresql":
        stored = model.objects.filter(pk__in=ids).order_by("pk").values(*tracked)
        insert_rows(history, [{**row, **stamps} for row in stored])
        return
    quote = connection.ops.quote_name
    columns = [quote(history._meta.get_field(name).column) for name in tracked]
    pk = quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(history._meta.db_table)} ({', '.join([*columns, *map(quote, stamps)])}) "
            f"SELECT {', '.join(f't.{quote(model._meta.get_field(name).column)}' for name in tracked)}, "
            f"%s, %s, %s, %s FROM {quote(model._meta.db_table)} t WHERE t.{pk} = ANY(%s) ORDER BY t.{pk}",
            [*stamps.values(), list(ids)],
        )


def _defaults(fields):
    now = timezone.now()
    defaults = {}
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults[field.attname] = now
        else:
            defaults[field.attname] = field.get_default()
    return defaults


NUMERIC_FIELDS = (models.IntegerField, models.FloatField, models.AutoField, models.BigAutoField)
NULL = r"\N"
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_converter(field):
    """A function writing one value of ``field`` in COPY's text format; chosen once per field, not per value."""
    kind = field.get_internal_type()
    if kind == "JSONField":
        encode = (field.encoder or json.JSONEncoder)().encode  # what json.dumps(value, cls=field.encoder) runs
        return lambda value: NULL if value is None else _escaped(encode(value))
    if kind == "BooleanField":
        return lambda value: NULL if value is None else ("t" if value else "f")
    if kind in {"CharField", "TextField", "SlugField", "URLField", "EmailField"}:
        return lambda value: NULL if value is None else _escaped(value)
    if kind in {"DateTimeField", "DateField"}:
        return lambda value: NULL if value is None else value.isoformat()
    if isinstance(field.target_field if field.is_relation else field, NUMERIC_FIELDS):
        return lambda value: NULL if value is None else str(value)
    return lambda value: NULL if value is None else _escaped(str(field.get_db_prep_save(value, connection)))


def _escaped(text):
    """``text`` with COPY's special characters escaped; most text has none, and looking is 20 times cheaper."""
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return text.translate(COPY_ESCAPES)
    return text
