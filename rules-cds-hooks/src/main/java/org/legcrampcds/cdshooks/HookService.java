package org.legcrampcds.cdshooks;

import java.util.Arrays;
import java.util.Optional;

/** The services this CDS Hooks endpoint offers: one per hook (interfaces.md §7). */
enum HookService {
    PATIENT_VIEW("leg-cramps-patient-view", "patient-view", "Nocturnal leg cramps",
            "Red flags, likely causes, medicine reviews, tests and safe self-care for a patient with night-time leg cramps."),
    ORDER_SIGN("leg-cramps-order-sign", "order-sign", "Nocturnal leg cramps: orders being signed",
            "What the medicines being signed add for a patient with leg cramps: quinine, cramp-inducing drugs and safety interlocks."),
    ORDER_SELECT("leg-cramps-order-select", "order-select", "Nocturnal leg cramps: orders being selected",
            "The order-sign check, run as medicines are selected.");

    private final String id;
    private final String hook;
    private final String title;
    private final String description;

    HookService(String id, String hook, String title, String description) {
        this.id = id;
        this.hook = hook;
        this.title = title;
        this.description = description;
    }

    String id() {
        return id;
    }

    String hook() {
        return hook;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    /** Whether the call carries draft orders whose effect alone is reported. */
    boolean judgesDraftOrders() {
        return this != PATIENT_VIEW;
    }

    static Optional<HookService> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
