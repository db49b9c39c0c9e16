-- Full-text index of the documents' text ('simple': Vietnamese words as they are), served by the
-- same inlined function as before.
create index dossier_search_text_idx on dossier_search_text using gin (to_tsvector('simple', coalesce(text, '')));
