"""A small newsroom CMS (Flask) whose pre-publish hook refuses reprints that break the terms.

Run it:  FLASK_APP=examples/cms/app.py flask run   (or: python examples/cms/app.py)

    POST /articles              {"title": ..., "body": ..., "format": "markdown", "metadata": {...}}
    POST /articles/<id>/publish  -> 200 {"published": true}
                                 -> 422 {"published": false, "findings": [...]} when the terms are not met,
                                        or could not be checked (no policy covers the original)
                                 -> 400 {"error": "..."} for bad metadata
                                 -> 500 when the server's own policies or config are broken
"""

from __future__ import annotations

import itertools
import threading
from typing import Any

from flask import Flask, jsonify, request

import reprint_guard

#: What the outlet knows about itself: a for-profit news site (it sells ads), so every reprint is commercial:
#: NonCommercial-licensed stories need the publisher's permission, ProPublica's and KFF Health News' do not.
SITE_DEFAULTS = {"commercial": True, "medium": "web"}


def pre_publish_check(article: dict[str, Any]) -> reprint_guard.Result:
    """The hook: check the reprint terms with the article's own metadata over the site's defaults. The body
    is the editor's: a suppression comment in it must not silence the gate."""
    metadata = {**SITE_DEFAULTS, "title": article["title"], **article.get("metadata", {})}
    return reprint_guard.check(
        article["body"], metadata, format=article.get("format", "markdown"), inline_suppressions=False
    )


def create_app() -> Flask:
    app = Flask(__name__)
    articles: dict[int, dict[str, Any]] = {}
    ids = itertools.count(1)
    lock = threading.Lock()

    @app.post("/articles")
    def create_article():  # type: ignore[no-untyped-def]
        data = request.get_json(force=True)
        if not isinstance(data, dict) or not isinstance(data.get("body"), str) or not data.get("title"):
            return jsonify(error="an article needs a title and a body"), 400
        if not isinstance(data.get("metadata", {}), dict):
            return jsonify(error="metadata must be an object of keys and values"), 400
        with lock:
            article_id = next(ids)
            articles[article_id] = {**data, "published": False}
        return jsonify(id=article_id), 201

    @app.post("/articles/<int:article_id>/publish")
    def publish(article_id: int):  # type: ignore[no-untyped-def]
        article = articles.get(article_id)
        if article is None:
            return jsonify(error="no such article"), 404
        try:
            result = pre_publish_check(article)
        except (reprint_guard.PolicyError, reprint_guard.ConfigError) as exc:
            if exc.field is None:  # the server's own policy or config is broken: no editor can mend it
                app.logger.error("reprint-guard: %s", exc)
                return jsonify(published=False, error="the reprint check is misconfigured on the server"), 500
            return jsonify(published=False, error=exc.message, field=exc.field), 400  # metadata naming no policy
        except reprint_guard.ReprintGuardError as exc:
            # The message without "<input>:" before it, and the metadata key at fault for the form to mark.
            return jsonify(published=False, error=exc.message, field=exc.field), 400
        # The outlet's own story (no original named anywhere) is skipped and goes out. A reprint no policy
        # covers, whose rules need a key it lacks, or whose body credits an original its metadata does not
        # name, passes with a reprint-guard/ warning: it was not checked in full, so it waits like one that
        # breaks the terms.
        own = result.status == "skipped"
        if not own and not (result.ok and result.fully_checked):
            return jsonify(
                published=False,
                policy=result.policy,
                findings=[finding.model_dump(mode="json") for finding in result.findings],
            ), 422
        article["published"] = True
        warnings = [f.model_dump(mode="json") for f in result.findings]
        return jsonify(published=True, policy=result.policy, warnings=warnings), 200

    return app


app = create_app()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000)
