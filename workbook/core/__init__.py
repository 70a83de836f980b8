"""Domain logic with no Qt and no database: content models, loaders, validators and rules."""
