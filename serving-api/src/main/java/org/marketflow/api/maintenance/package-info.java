/** Background upkeep of the database the service reads. */
package org.marketflow.api.maintenance;
