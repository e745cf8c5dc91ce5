"""The records as an Arrow table with real types (dates, booleans, lists, UTC times), and as Parquet bytes."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd

from harvester import __version__
from harvester.records import RECORD_COLUMNS, Column

if TYPE_CHECKING:
    import pyarrow as pa


def arrow_type(column: Column) -> pa.DataType:
    """The Arrow type of a schema column: date32, timestamp[us, UTC], bool, int64, list<string>, else string."""
    import pyarrow as pa

    types = {"date": pa.date32(), "datetime": pa.timestamp("us", tz="UTC"), "boolean": pa.bool_(), "integer": pa.int64(),
             "list": pa.list_(pa.string())}
    return types.get(column.type, pa.string())


def to_arrow(frame: pd.DataFrame, columns: tuple[Column, ...] = RECORD_COLUMNS) -> pa.Table:
    """The frame (as output.files.to_frame makes it) as a typed Arrow table; empty text is null; each field carries its description."""
    import pyarrow as pa

    fields = [pa.field(c.name, arrow_type(c), metadata={"description": c.description}) for c in columns]
    arrays = [pa.array([_value(c, v) for v in frame[c.name]], type=f.type) for c, f in zip(columns, fields)]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata={"created_by": f"harvester {__version__}"}))


def parquet_bytes(frame: pd.DataFrame, columns: tuple[Column, ...] = RECORD_COLUMNS) -> bytes:
    """The frame as a Parquet file."""
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(to_arrow(frame, columns), sink)
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
