//! Invented people for the generators: given names and surnames drawn from common lists, none
//! taken from a real article.

pub const GIVEN: &[&str] = &[
    "Anna", "Marek", "Leila", "Tomas", "Ines", "Kofi", "Yuki", "Omar", "Sofia", "Rahul", "Elena",
    "Jonas", "Amara", "Diego", "Hana", "Radek", "Nadia", "Carlos", "Mei", "Samuel",
];
pub const SURNAMES: &[&str] = &[
    "Kowalski",
    "Haddad",
    "Novotny",
    "Mensah",
    "Tanaka",
    "Rahimi",
    "Ferreira",
    "Lindqvist",
    "Okafor",
    "Moreau",
    "Castillo",
    "Petrov",
    "Nakamura",
    "Brennan",
    "Achebe",
    "Varga",
    "Sato",
    "Oliveira",
    "Dumont",
    "Ivanova",
];
