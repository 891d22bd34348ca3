import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Makes sure a superuser exists. Its e-mail and password come from ADMIN_EMAIL and "
        "ADMIN_PASSWORD; without ADMIN_PASSWORD a random one is generated once and kept in "
        "the data folder. Prints the login."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        email = os.environ.get("ADMIN_EMAIL") or "admin@example.com"
        password = os.environ.get("ADMIN_PASSWORD") or self._stored_password()
        user = User.objects.filter(username=email).first()
        if user is None:
            user = User.objects.create_superuser(username=email, email=email, password=password)
        elif os.environ.get("ADMIN_PASSWORD") and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        self.after_ensure(user)
        shown = password if user.check_password(password) else "(changed by you; not shown)"
        self.stdout.write(f"Login:   {email} / {shown}")

    def after_ensure(self, user):
        """A hook for apps that need more on the admin account (e.g. a verified e-mail)."""
        from allauth.account.models import EmailAddress

        # Logins go through allauth, which lets in only a verified e-mail address.
        EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).update(primary=False)
        EmailAddress.objects.update_or_create(
            user=user, email__iexact=user.email, defaults={"email": user.email, "verified": True, "primary": True}
        )

    def _stored_password(self):
        path = settings.DATA_DIR / "admin_password"
        if not path.exists():
            settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(12))
        return path.read_text().strip()
