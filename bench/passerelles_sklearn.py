"""Peer for the speed comparison (bench/passerelles-processus.ts): TF-IDF cosine over competence
codes with scikit-learn, top-10 of every ROME fiche, CSV on stdout (source,cible,rang,score).
Usage: python3 bench/passerelles_sklearn.py <dossier-export-rome> [k]"""
import csv, glob, sys
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

folder, k = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10
docs = {}
with open(glob.glob(f"{folder}/unix_liens_rome_referentiels_v*_utf8.csv")[0], encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["code_compo_bloc"] == "5":
            docs.setdefault(r["code_rome"], []).append(r["code_ogr"])
codes = sorted(docs)
X = TfidfVectorizer(token_pattern=r"\S+", lowercase=False).fit_transform(" ".join(docs[c]) for c in codes)
S = cosine_similarity(X, dense_output=True)
np.fill_diagonal(S, -1)
out = ["source,cible,rang,score"]
for i, c in enumerate(codes):
    top = np.lexsort((np.arange(len(codes)), -S[i]))[:k]
    out += [f"{c},{codes[j]},{r + 1},{S[i, j]:.4f}" for r, j in enumerate(top)]
sys.stdout.write("\n".join(out) + "\n")
