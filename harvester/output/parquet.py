"""The records as Parquet with real types (dates, booleans, lists, UTC times)."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

import pandas as pd

from harvester import __version__
from harvester.records import Column


def parquet_bytes(frame: pd.DataFrame, columns: tuple[Column, ...]) -> bytes:
    """The frame (as output.files.to_frame makes it) as a Parquet file: each column typed date32, timestamp[us, UTC],
    bool, int64, list<string>, else string; empty text is null; each field carries its description."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"date": pa.date32(), "datetime": pa.timestamp("us", tz="UTC"), "boolean": pa.bool_(), "integer": pa.int64(),
             "list": pa.list_(pa.string())}
    fields = [pa.field(c.name, types.get(c.type, pa.string()), metadata={"description": c.description}) for c in columns]
    arrays = [pa.array([_value(c, v) for v in frame[c.name]], type=f.type) for c, f in zip(columns, fields)]
    table = pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata={"created_by": f"harvester {__version__}"}))
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def _value(column: Column, value: Any) -> Any:
    if column.type == "list":
        return list(value)
    if column.type == "boolean":
        return bool(value)
    if value == "" or value is None:
        return None
    if column.type == "date":
        return date.fromisoformat(value)
    if column.type == "datetime":
        return datetime.fromisoformat(value)
    return int(value) if column.type == "integer" else value
