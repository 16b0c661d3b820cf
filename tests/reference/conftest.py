"""Fixtures of the reference comparisons: the demo's input files read by the pandas
recomputation, a read-only connection to the demo warehouse, and a dissolution day."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from tests.reference import metrics as ref


@pytest.fixture(scope="module")
def inputs(demo_warehouse) -> ref.Inputs:
    return ref.Inputs.read(demo_warehouse.parent / "demo-inputs" / "small")


@pytest.fixture(scope="module")
def con(demo_warehouse):
    c = duckdb.connect(str(demo_warehouse), read_only=True)
    yield c
    c.close()


@pytest.fixture(scope="module")
def dissolution_day(inputs) -> dt.date:
    """The day the first commune agency cell was dissolved (its members handed over that day)."""
    cq = inputs.orgs[inputs.orgs["org_id"].str.endswith("-CQ")]
    return cq["dissolved_on"].min().date()
