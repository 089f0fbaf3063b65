package org.legcrampcds.model;

/** Where the cramps are felt (catalogue §2.2). */
public enum CrampSite { CALF, FOOT, THIGH }
