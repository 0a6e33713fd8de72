"""Notes: a small Flask app (factory pattern) with Flask-SQLAlchemy and Flask-Migrate."""
import os

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
migrate = Migrate()


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["NOTES_DATABASE_URL"]
    app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False
    db.init_app(app)
    migrate.init_app(app, db)

    from notes_app import models  # noqa: F401  (registers the tables)
    from notes_app.views import bp

    app.register_blueprint(bp)
    return app
