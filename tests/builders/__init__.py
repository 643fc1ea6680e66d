"""Builders of test PDFs, one package for every test folder (imported as ``tests.builders.<module>``).

- ``pdfs``: small ordinary and bad PDFs (text, image-only, encrypted, truncated, printed page numbers …)
- ``typesetter``: a tiny typesetter for structure tests (page sizes, headers, titles, 目录, boxes)
- ``annotations_pdfs``, ``index_pdfs``, ``official_pdfs``, ``ocr_pdfs``, ``odd_text_pdfs``: documents
  for those areas (an annotated compilation, indexed pages, 公文 and laws, scans, odd extracted text)
- ``hostile``: hostile PDFs made on the spot for the reliability probe
"""
