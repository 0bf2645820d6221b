package io.integration.catalog;

/** What kind of third party an integration talks to. */
public enum IntegrationCategory {
    PAYMENT, POS, CRM, EMAIL, MESSAGING, ACCOUNTING, MARKETING, DEVELOPER, OTHER
}
