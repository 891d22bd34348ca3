from core.storage import MediaStorage


def test_documents_in_the_bucket_are_downloads_and_images_show_in_place():
    storage = MediaStorage(bucket_name="partnerstwo-media")
    assert storage.get_object_parameters("spotkania/3/dokumenty/lista-obecnosci-x7.pdf")["ContentDisposition"] == (
        'attachment; filename="lista-obecnosci-x7.pdf"'
    )
    assert "ContentDisposition" in storage.get_object_parameters("spotkania/3/dokumenty/program.docx")
    assert "ContentDisposition" in storage.get_object_parameters("edytor/strona.html")
    assert "ContentDisposition" not in storage.get_object_parameters("spotkania/3/zdjecia/male/stol.jpg")
    assert "ContentDisposition" not in storage.get_object_parameters("wpisy/ilustracja.webp")
