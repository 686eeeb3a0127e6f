"""The importer: raw notice text (exported from Word or PDF, or scraped) becomes a notice source.

The work is split by concept, each module reading one part of the document as Decree
30/2020/NĐ-CP lays it out:

- :mod:`.vocabulary` holds the fixed words of the format (motto, "Số:", type names, authority
  marks, titles of signers) that everything else recognises documents by;
- :mod:`.cleanup` decodes the bytes and removes what is not the document (page headers of the
  Official Gazette, digital-signature stamps, stray markup, website notes);
- :mod:`.header` reads the issuing body, number, place and date (with :mod:`.dates`), and
  :mod:`.subject` the type name and the subject (trích yếu) or a Công văn's "V/v";
- :mod:`.signature` and :mod:`.recipients` read the signature block and "Nơi nhận";
- :mod:`.body` turns the content into Markdown;
- :mod:`.extract` runs them in order and returns an :class:`~.extract.Extracted`;
- :mod:`.agency` and :mod:`.topics` relate the result to the archive's registries;
- :mod:`.writer` and :mod:`.command` write sources and run ``notices import``.

Nothing here imports MkDocs.
"""

from __future__ import annotations

from .extract import Extracted, extract_file, extract_text

__all__ = ["Extracted", "extract_file", "extract_text"]
