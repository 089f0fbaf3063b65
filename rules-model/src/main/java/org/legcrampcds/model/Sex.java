package org.legcrampcds.model;

/** Recorded sex (catalogue §2.1). It selects the haemoglobin anaemia threshold and gates nothing else. */
public enum Sex { FEMALE, MALE, OTHER, UNKNOWN }
