"""A small Flask app that talks to PostgreSQL, containerized by devops."""
import os

import psycopg2
from flask import Flask, jsonify

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

DATABASE_URL = os.environ["DATABASE_URL"]


@app.get("/health")
def health():
    return "ok", 200, {"Content-Type": "text/plain"}


@app.get("/")
def index():
    try:
        with psycopg2.connect(DATABASE_URL, connect_timeout=3) as conn:
            with conn.cursor() as cur:
                cur.execute("select 1")
                (one,) = cur.fetchone()
        return jsonify(postgres="ok" if one == 1 else "unexpected")
    except psycopg2.Error as e:
        return jsonify(error=str(e).strip()), 503


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8000")))
