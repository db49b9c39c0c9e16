-- Full-text search over the text of a dossier's documents. 'simple' keeps Vietnamese words as
-- they are (no stemming). The function is plain SQL so the planner inlines it and uses the index.
create function motcua_text_matches(document text, query text) returns boolean
    language sql immutable
    as $$ select to_tsvector('simple', coalesce(document, '')) @@ plainto_tsquery('simple', query) $$;

create index dossier_search_idx on dossier using gin (to_tsvector('simple', coalesce(search_text, '')));
