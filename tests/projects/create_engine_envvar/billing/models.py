from sqlalchemy import (BigInteger, Column, ForeignKey, Index, Integer, MetaData, String, Table,
                        UniqueConstraint, text)

metadata = MetaData()

customers = Table(
    "customers", metadata,
    Column("id", Integer, primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    UniqueConstraint("tenant_id", "name", name="uq_customers_tenant_name"),
)

invoices = Table(
    "invoices", metadata,
    Column("id", Integer, primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False),
    Column("amount_cents", BigInteger, nullable=False),
    Column("status", String(20), nullable=False, server_default=text("'open'")),
    Index("ix_invoices_customer_id_status", "customer_id", "status"),
)
