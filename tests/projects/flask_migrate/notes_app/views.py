from flask import Blueprint, jsonify

from notes_app import db
from notes_app.models import Note

bp = Blueprint("notes", __name__)


@bp.get("/notes")
def list_notes():
    notes = db.session.scalars(db.select(Note).order_by(Note.created_at.desc())).all()
    return jsonify([{"id": n.id, "body": n.body, "pinned": n.pinned} for n in notes])
