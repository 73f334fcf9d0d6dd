"""Parquet files of text columns, written with pyarrow, for the tools analysts use.

Every column is text (what a person reads in the cell, or null) except the ones named as
whole numbers: a roster's values are messy, and a 年龄 of "十二" must reach the analyst as
typed rather than be lost to a numeric column. Batches may be built in worker processes
and handed over as Arrow IPC bytes, then written one row group each as they come, so a
province is never held whole; metadata known only at the end goes into the footer.

pyarrow is imported only by the commands that read or write Parquet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa


def arrow() -> Any:
    """pyarrow, with its own signal handling off. Arrow swaps the process's SIGINT handler
    in and out around every read and write; lbc handles Ctrl-C itself (and its template
    time limit interrupts the main thread the same way), so Arrow is kept out of it."""
    import pyarrow as pa

    pa.enable_signal_handlers(False)
    return pa


def schema(names: Sequence[str], integers: Sequence[str] = ()) -> pa.Schema:
    """Text columns ``names``, those in ``integers`` 64-bit whole numbers."""
    import pyarrow as pa

    return pa.schema([(n, pa.int64() if n in integers else pa.string()) for n in names])


def batch(columns: dict[str, list[Any]], rows: int, shape: pa.Schema) -> pa.RecordBatch:
    """One batch in ``shape``; a column missing from ``columns`` is all null."""
    import pyarrow as pa

    arrays = [
        pa.array(columns[f.name], type=f.type) if f.name in columns else pa.nulls(rows, f.type)
        for f in shape
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=shape)


def to_bytes(data: pa.RecordBatch) -> bytes:
    """A batch as Arrow IPC bytes, cheap to pass from a worker process."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, data.schema) as writer:
        writer.write_batch(data)
    return sink.getvalue().to_pybytes()


def from_bytes(data: bytes) -> pa.RecordBatch:
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_next_batch()


def write_parquet(
    path: Path,
    shape: pa.Schema,
    batches: Iterable[pa.RecordBatch | bytes],
    metadata: Callable[[], dict[str, str]],
) -> None:
    """Write ``batches`` to ``path`` as they come (the caller makes it atomic), then the
    key-value ``metadata()``, asked for once every batch is written."""
    arrow()
    import pyarrow.parquet as pq

    with pq.ParquetWriter(path, shape, compression="zstd") as writer:
        for item in batches:
            data = from_bytes(item) if isinstance(item, bytes) else item
            if data.num_rows:
                writer.write_batch(data)
        writer.add_key_value_metadata(metadata())
