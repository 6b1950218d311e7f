package org.marketflow.api.marketdata.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;
import org.marketflow.api.cache.CacheTtls;
import org.marketflow.api.cache.ResponseCache;
import org.marketflow.schemas.redis.RedisKeys;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Answers statistics through the answer cache (1 min). On a miss, one instrument's come from
 * jobs-ohlc's live key {@code market:stats:{id}:{period}} when it is there (rewritten every
 * minute), else from {@code market_statistics_latest}; an event's instruments always come from the
 * table, which lists them.
 */
@ApplicationScoped
public class StatisticsService {

  static final String ENDPOINT = "statistics";

  private static final Logger LOG = Logger.getLogger(StatisticsService.class);

  private final MarketStatisticsRepository repository;
  private final JedisPooled redis;
  private final ObjectMapper json;
  private final ResponseCache.Answers<StatisticsResponse> answers;
  private final ResponseCache.Lookups liveLookups;

  public StatisticsService(
      MarketStatisticsRepository repository,
      JedisPooled redis,
      ObjectMapper json,
      ResponseCache cache) {
    this.repository = repository;
    this.redis = redis;
    this.json = json;
    this.answers = cache.answers(ENDPOINT, StatisticsResponse.class);
    this.liveLookups = cache.lookups(ENDPOINT + "-live");
  }

  /** The {@link StatisticsResponse} to {@code query}, as JSON. */
  public byte[] find(StatisticsQuery query) {
    return answers.get(query.cacheKey(), CacheTtls.STATISTICS, () -> load(query));
  }

  private StatisticsResponse load(StatisticsQuery query) {
    String one = query.market().selector().exact();
    StoredStatistics live = one == null ? null : live(one, query.period());
    List<StoredStatistics> rows =
        live != null ? List.of(live) : repository.latest(query.market().selector(), query.period());
    List<StatisticsResponse.Statistics> statistics =
        rows.stream().map(StatisticsResponse.Statistics::of).toList();
    return new StatisticsResponse(
        query.market().instrument(),
        query.market().eventId(),
        query.period(),
        statistics.size(),
        statistics);
  }

  /** The live key's record, or {@code null} when absent, unreadable or Redis is away. */
  private StoredStatistics live(String instrument, String period) {
    String key = RedisKeys.statistics(instrument, period);
    try {
      String value = redis.get(key);
      return value == null ? null : json.readValue(value, StoredStatistics.class);
    } catch (JedisException e) {
      liveLookups.error().increment();
      LOG.debugf("Redis unavailable for %s, reading the database: %s", key, e.getMessage());
      return null;
    } catch (JsonProcessingException e) {
      LOG.warnf("Unreadable %s, reading the database: %s", key, e.getMessage());
      return null;
    }
  }
}
