"""ctxh: static site generator for Ngày Công tác xã hội Việt Nam.

Pipeline, one module a stage: load → validate → normalize → outline/extract →
render → engine (mkdocs-material) → build (staging and atomic swap).
"""
