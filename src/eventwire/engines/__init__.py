"""Extraction engines: where `Pipeline.process` runs. The local engine is the pipeline itself
(`eventwire.pipeline`); `ray_engine` runs it on Ray Data, on this machine or a cluster.
Ray is an optional dependency (the `ray` extra), imported only when that engine is used."""
