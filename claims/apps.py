from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"

    def ready(self):
        from articles.models import Article

        from .caching import invalidate_after_commit
        from .models import Claim, Claimant, Correction, Rating, Source, Verdict

        # Everything public pages and anonymous API reads show; bulk writes (ingestion) invalidate explicitly.
        for model in (Article, Claim, Claimant, Correction, Rating, Source, Verdict):
            post_save.connect(invalidate_after_commit, sender=model, dispatch_uid=f"invalidate-{model.__name__}-save")
            post_delete.connect(
                invalidate_after_commit, sender=model, dispatch_uid=f"invalidate-{model.__name__}-delete"
            )
        m2m_changed.connect(
            invalidate_after_commit, sender=Verdict.evidence.through, dispatch_uid="invalidate-evidence"
        )
