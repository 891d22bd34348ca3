from django.db import migrations


def create_roles(apps, schema_editor):
    from accounts.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


def remove_roles(apps, schema_editor):
    from accounts.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0002_comments_and_ratings"),
        ("members", "0002_person_office_accession_request"),
        ("meetings", "0001_initial"),
        ("newsletter", "0002_record_start_date"),
        # After the site frame and the change register moved out of partnerstwo, so the
        # permissions are made for their models under their new app labels.
        ("partnerstwo", "0005_move_site_frame_and_register_out"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
