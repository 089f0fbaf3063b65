package org.legcrampcds.model;

/** Which leg cramps (catalogue §2.2). */
public enum Side { LEFT, RIGHT, BOTH }
