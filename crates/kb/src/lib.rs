//! The knowledge base: actors with date-bounded roles, agents and places, and a fast matcher over them.
