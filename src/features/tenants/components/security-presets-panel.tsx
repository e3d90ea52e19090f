import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { SECURITY_PRESETS, type SecurityPreset } from '../security-presets';

function PresetCard({ preset, onChoose }: { preset: SecurityPreset; onChoose: (preset: SecurityPreset) => void }) {
  const headingId = useId();
  const external = /^https:\/\//.test(preset.source.url);
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Typography id={headingId} component="h4" variant="subtitle2" sx={{ fontWeight: 600 }}>
        {preset.name}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {preset.rules.map((rule) => (
          <Typography key={rule} component="li" variant="body2">
            {rule}
          </Typography>
        ))}
      </Box>
      <Typography variant="body2" color="textSecondary">
        Source:{' '}
        {external ? (
          <Link href={preset.source.url} target="_blank" rel="noopener noreferrer">
            {preset.source.title}
          </Link>
        ) : (
          preset.source.title
        )}
      </Typography>
      <Box sx={{ mt: 'auto' }}>
        <Button size="small" variant="outlined" onClick={() => onChoose(preset)}>
          Fill in {preset.name}
        </Button>
      </Box>
    </Box>
  );
}

/**
 * The presets, each with the rules it sets and where they come from; choosing one fills the
 * form (src/features/tenants/security-presets.ts), and nothing is saved until the admin reviews
 * and saves.
 */
export function SecurityPresetsPanel({ onChoose, notice }: { onChoose: (preset: SecurityPreset) => void; notice: string }) {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 3 }}>
      <Typography id={headingId} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        Presets
      </Typography>
      <Typography variant="body2" color="textSecondary" sx={{ mb: 1.5 }}>
        Fill the form with what a standard asks for. Nothing is saved until you review the changes and save them.
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(15rem, 1fr))', gap: 2 }}>
        {SECURITY_PRESETS.map((preset) => (
          <PresetCard key={preset.id} preset={preset} onChoose={onChoose} />
        ))}
      </Box>
      <Typography role="status" variant="body2" sx={{ mt: 1, minHeight: '1.5em', fontWeight: 500 }}>
        {notice}
      </Typography>
    </Box>
  );
}
