"""The corpus run on Dask: the same per-partition function over chunks of paths, on a LocalCluster or a cluster."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from distributed.diagnostics.plugin import WorkerPlugin

from analysis.corpus.partitions import Summary, analyse_partition, merged
from analysis.numbers.extracting import warm_up


class WarmUp(WorkerPlugin):
    """Load jieba's dictionaries, the tagger, the stop words and cn2an once per worker, before its first task."""

    name = "analysis-warm-up"

    def setup(self, worker) -> None:
        """Run warm_up in the worker process."""
        warm_up()


def run_partition(out: Path, texts: dict[str, str], numbered: tuple[int, list[Path]]) -> Summary:
    """analyse_partition for one (number, paths) element of the bag, segmented texts in the files `texts` names."""
    return analyse_partition(out, *numbered, texts)


def run_dask(out: Path, chunks: list[list[Path]], jobs: int, texts: dict[str, str],
             address: str | None = None) -> Summary:
    """Analyse the chunks on Dask (one bag partition per chunk) and return their summaries merged in chunk order.

    Without an address: a LocalCluster of `jobs` single-threaded worker processes on loopback, no dashboard. With
    one: that scheduler's workers, which must see `out` and the article files at the same paths."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    if address:
        client, cluster = Client(address, timeout="10s"), None
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               host="127.0.0.1", silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        client.register_plugin(WarmUp())
        bag = db.from_sequence(list(enumerate(chunks)), npartitions=len(chunks))
        # each partition's summary is merged on the workers, in order; only the total comes back
        return bag.map(partial(run_partition, out, texts)).reduction(merged, merged).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
