"""Offline OCR of scanned pages: engines, the page-by-page runner and the library cache.

The engines are heavy (onnxruntime, ~150 MB resident) and slow (seconds per page), so this
package is only imported by worker processes (``python -m reader ocr``, the indexing
worker), never by the reading app; the app reads the cached results through
``reader.textsource`` and ``reader.ocr.store`` (which import no engine).
"""
