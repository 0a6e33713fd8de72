from sqlalchemy import (BigInteger, CheckConstraint, Column, Float, ForeignKey, Index, Integer,
                        PrimaryKeyConstraint, String)

from mltrack.store.db.base_sql_model import Base


class SqlExperiment(Base):
    __tablename__ = "experiments"

    experiment_id = Column(Integer, primary_key=True)
    name = Column(String(256), unique=True, nullable=False)
    lifecycle_stage = Column(String(32), nullable=False, server_default="active")


class SqlRun(Base):
    __tablename__ = "runs"
    __table_args__ = (
        CheckConstraint("status IN ('RUNNING', 'FINISHED', 'FAILED', 'KILLED')", name="ck_runs_status"),
    )

    run_uuid = Column(String(32), primary_key=True)
    experiment_id = Column(Integer, ForeignKey("experiments.experiment_id"), nullable=False)
    status = Column(String(20), nullable=False, server_default="RUNNING")
    start_time = Column(BigInteger, nullable=True)


class SqlMetric(Base):
    __tablename__ = "metrics"
    __table_args__ = (
        PrimaryKeyConstraint("key", "timestamp", "step", "run_uuid", name="metric_pk"),
        Index("index_metrics_run_uuid", "run_uuid"),
    )

    key = Column(String(250), nullable=False)
    value = Column(Float, nullable=False)
    timestamp = Column(BigInteger, nullable=False)
    step = Column(BigInteger, nullable=False, server_default="0")
    run_uuid = Column(String(32), ForeignKey("runs.run_uuid"), nullable=False)
