import os

from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

engine = create_async_engine(os.environ["ASYNC_APP_DB_URL"], pool_pre_ping=True)
Session = async_sessionmaker(engine, expire_on_commit=False)
