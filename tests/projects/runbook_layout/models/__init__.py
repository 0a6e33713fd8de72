"""Building blocks shared by every model module."""
from models.mixins import TenantMixin, TimestampMixin

__all__ = ["TenantMixin", "TimestampMixin"]
